package dev.tenax.bench;

import dev.tenax.calib.IdxFile;
import dev.tenax.calib.SampleRange;
import dev.tenax.diag.UsageException;
import dev.tenax.io.Npy;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Class labels for evaluation: an IDX label file (MNIST's, gzip or not) or a .npy of integers. */
public final class Labels {
  private Labels() {}

  /** Every label in {@code path}. */
  public static int[] read(Path path) throws UsageException {
    if (!Files.isRegularFile(path)) {
      throw new UsageException("label file " + path + " does not exist");
    }
    if (!path.getFileName().toString().toLowerCase().endsWith(".npy")) {
      return IdxFile.readLabels(path, SampleRange.ALL);
    }
    Tensor t;
    try {
      t = Npy.read(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new UsageException("cannot read labels from " + path + ": " + e.getMessage());
    }
    if (t.dtype().isFloat()) {
      throw new UsageException(path + " holds floats; labels must be a .npy of integers (class indices)");
    }
    long[] l = t.toLongs();
    int[] labels = new int[l.length];
    for (int i = 0; i < l.length; i++) {
      if (l[i] < 0 || l[i] > Integer.MAX_VALUE) {
        throw new UsageException(path + " holds label " + l[i] + " at index " + i + "; labels are class "
            + "indices >= 0");
      }
      labels[i] = (int) l[i];
    }
    return labels;
  }
}
