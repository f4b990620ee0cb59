package dev.tenax.calib;

import dev.tenax.diag.UsageException;
import dev.tenax.io.Npy;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** One .npy array whose slices along axis 0 are the samples; read slice by slice, never whole. */
final class NpyStackSource implements SampleSource {
  private final Path file;
  private final Npy.Header header;
  private final int[] sampleShape;

  private NpyStackSource(Path file, Npy.Header header) {
    this.file = file;
    this.header = header;
    this.sampleShape = Arrays.copyOfRange(header.shape(), 1, header.shape().length);
  }

  static NpyStackSource open(Path file) throws UsageException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer prefix = ByteBuffer.allocate(Npy.headerPrefixSize());
      readFully(ch, prefix, 0);
      prefix.flip();
      ByteBuffer all = ByteBuffer.allocate(Npy.dataOffset(prefix));
      readFully(ch, all, 0);
      all.flip();
      Npy.Header h = Npy.readHeader(all);
      if (h.shape().length == 0) {
        throw new UsageException(file + " holds a scalar; calibration data must be stacked on the first axis"
            + " (shape [N, ...] for N samples)");
      }
      long need = h.dataOffset() + (long) h.count() * h.elementSize();
      if (ch.size() < need) {
        throw new UsageException(file + " is truncated: shape " + Shapes.format(h.shape()) + " needs " + need
            + " bytes, the file has " + ch.size());
      }
      return new NpyStackSource(file, h);
    } catch (IOException e) {
      throw new UsageException("cannot read calibration data " + file + ": " + e.getMessage());
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) {
      int n = ch.read(b, pos);
      if (n < 0) {
        throw new IOException("not a .npy file (it ends inside the header)");
      }
      pos += n;
    }
  }

  @Override
  public int count() {
    return header.shape()[0];
  }

  @Override
  public int[] sampleShape() {
    return sampleShape.clone();
  }

  @Override
  public String describe() {
    return file + " (" + count() + " samples of " + Shapes.format(sampleShape) + ")";
  }

  @Override
  public Reader open(int start) throws UsageException {
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new UsageException("cannot read calibration data " + file + ": " + e.getMessage());
    }
    long bytes = (long) Shapes.size(sampleShape) * header.elementSize();
    return new Reader() {
      private int index = start;

      @Override
      public Tensor next() throws UsageException {
        ByteBuffer b = ByteBuffer.allocate((int) bytes);
        try {
          readFully(ch, b, header.dataOffset() + index * bytes);
          b.flip();
          index++;
          return Npy.decode(header, b, sampleShape);
        } catch (IOException e) {
          throw new UsageException("cannot read sample " + index + " of " + file + ": " + e.getMessage());
        }
      }

      @Override
      public void close() {
        try {
          ch.close();
        } catch (IOException e) {
          // Nothing was written; a failed close of a read-only file loses nothing.
        }
      }
    };
  }
}
