package dev.tenax.calib;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests, straight from the format description in the MNIST README. */
final class IdxWriter {
  private IdxWriter() {}

  /** Header {@code 0 0 typeCode rank}, big-endian dims, then {@code data} as given. */
  static byte[] bytes(int typeCode, int[] dims, byte[] data) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bos);
    out.writeInt((typeCode << 8) | dims.length);
    for (int d : dims) {
      out.writeInt(d);
    }
    out.write(data);
    out.flush();
    return bos.toByteArray();
  }

  static Path write(Path file, byte[] content, boolean gzip) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
      out.write(content);
    }
    return file;
  }
}
