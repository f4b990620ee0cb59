package dev.tenax.io;

import dev.tenax.diag.ModelRejectedException;
import dev.tenax.diag.UsageException;
import dev.tenax.frontend.TensorDecoder;
import dev.tenax.ir.Tensor;
import dev.tenax.onnx.proto.Onnx.TensorProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes tensors as .npy or ONNX TensorProto .pb files, chosen by extension. */
public final class TensorFiles {
  private TensorFiles() {}

  /** A tensor read from a file, with the name a .pb file carries ("" if none). */
  public record Named(String name, Tensor tensor) {}

  /**
   * Every tensor in {@code file}: one for .npy and .pb, each array (named by its key) for .npz.
   */
  public static java.util.List<Named> readAll(Path file) throws UsageException {
    if (!file.getFileName().toString().toLowerCase().endsWith(".npz")) {
      return java.util.List.of(read(file));
    }
    if (!Files.isRegularFile(file)) {
      throw new UsageException("input file " + file + " does not exist");
    }
    try (var in = Files.newInputStream(file)) {
      java.util.List<Named> all = new java.util.ArrayList<>();
      Npy.readNpz(in).forEach((k, v) -> all.add(new Named(k, v)));
      return all;
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    }
  }

  public static Named read(Path file) throws UsageException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("input file " + file + " does not exist");
    }
    String f = file.getFileName().toString().toLowerCase();
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (f.endsWith(".npy")) {
        return new Named("", Npy.read(bytes));
      }
      if (f.endsWith(".pb")) {
        TensorProto p = TensorProto.parseFrom(bytes);
        return new Named(p.getName(), TensorDecoder.decode(p, file.toString()));
      }
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    } catch (ModelRejectedException e) {
      throw new UsageException("cannot read " + file + ": " + e.diagnostics().get(0).message());
    }
    throw new UsageException("input file " + file + " must be a .npy, .npz or TensorProto .pb file");
  }

  public static byte[] toNpy(Tensor t) {
    return Npy.write(t);
  }

  public static byte[] toPb(Tensor t, String name) {
    return TensorDecoder.encode(t, name).toByteArray();
  }
}
