package dev.tenax.calib;

import dev.tenax.diag.UsageException;
import dev.tenax.io.OutputDirectory;
import dev.tenax.io.TensorFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Calibration samples from one array of an .npz archive (numpy.savez, as the shared models' sample
 * inputs come), stacked on its first axis like a .npy file: the array named after the model input,
 * or the archive's only array. The archive is read whole (numpy compresses its members, so they
 * cannot be read slice by slice as a .npy file is).
 */
final class NpzSource {
  private NpzSource() {}

  static SampleSource open(Path file, String inputName) throws UsageException {
    List<TensorFiles.Named> arrays = TensorFiles.readAll(file);
    for (TensorFiles.Named a : arrays) {
      if (a.name().equals(inputName) || a.name().equals(OutputDirectory.safeFileName(inputName))) {
        return stacked(file, a);
      }
    }
    if (arrays.size() == 1) {
      return stacked(file, arrays.get(0));
    }
    throw new UsageException("calibration data " + file + " holds " + arrays.size() + " arrays ("
        + String.join(", ", arrays.stream().map(TensorFiles.Named::name).toList()) + ") and none is named after "
        + "the model input '" + inputName + "': name it so (numpy.savez(path, **{'" + inputName + "': x}))");
  }

  private static SampleSource stacked(Path file, TensorFiles.Named a) throws UsageException {
    if (a.tensor().rank() == 0) {
      throw new UsageException(file + " array '" + a.name() + "' is a scalar; calibration data must be stacked on "
          + "the first axis (shape [N, ...] for N samples)");
    }
    return new StackedTensorSource(a.tensor(), file + " array '" + a.name() + "'");
  }
}
