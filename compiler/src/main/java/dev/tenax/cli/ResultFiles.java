package dev.tenax.cli;

import dev.tenax.io.OutputDirectory;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** Writes inference results the same way for exec and run, so their files compare one to one. */
final class ResultFiles {
  private ResultFiles() {}

  /** Writes each output as DIR/&lt;name&gt;.npy (and/or .pb) atomically and prints one line each. */
  static void write(Map<String, Tensor> results, Path outDir, ExecCommand.Format format, PrintWriter out)
      throws IOException {
    OutputDirectory dir = new OutputDirectory(outDir);
    for (Map.Entry<String, Tensor> r : results.entrySet()) {
      String file = OutputDirectory.safeFileName(r.getKey());
      if (format != ExecCommand.Format.pb) {
        dir.add(file + ".npy", TensorFiles.toNpy(r.getValue()));
      }
      if (format != ExecCommand.Format.npy) {
        dir.add(file + ".pb", TensorFiles.toPb(r.getValue(), r.getKey()));
      }
    }
    dir.commit();
    for (Map.Entry<String, Tensor> r : results.entrySet()) {
      out.println(summary(r.getKey(), r.getValue(), outDir.resolve(OutputDirectory.safeFileName(r.getKey()))));
    }
    out.flush();
  }

  /** "y: float32[1,10] min -2.1 max 5.3 mean 0.4 argmax 7 -> out/y.npy" (integer tensors: integer min and max). */
  static String summary(String name, Tensor t, Path base) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int argmax = -1;
    for (int i = 0; i < t.size(); i++) {
      double v = t.getDouble(i);
      sum += v;
      min = Math.min(min, v);
      if (v > max) {
        max = v;
        argmax = i;
      }
    }
    String stats = t.size() == 0 ? "empty" : t.dtype().isFloat()
        ? String.format("min %.6g max %.6g mean %.6g argmax %d", min, max, sum / t.size(), argmax)
        : String.format("min %d max %d mean %.6g argmax %d", (long) min, (long) max, sum / t.size(), argmax);
    return name + ": " + t.type() + " " + stats + " -> " + base + ".*";
  }
}
