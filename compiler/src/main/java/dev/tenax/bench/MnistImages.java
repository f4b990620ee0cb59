package dev.tenax.bench;

import dev.tenax.calib.IdxFile;
import dev.tenax.calib.SampleSource;
import dev.tenax.diag.UsageException;
import dev.tenax.ir.Tensor;
import java.nio.file.Path;

/**
 * The MNIST test images of an IDX file as raw 0..255 floats, 28x28 or 2x2-averaged to 14x14
 * (for models trained on down-scaled digits). Preprocessing is applied later, by
 * {@link dev.tenax.calib.CalibrationData}.
 */
public final class MnistImages implements SampleSource {
  private final IdxFile file;
  private final boolean downsample;

  private MnistImages(IdxFile file, boolean downsample) {
    this.file = file;
    this.downsample = downsample;
  }

  public static MnistImages open(Path idx, boolean downsample) throws UsageException {
    return new MnistImages(IdxFile.open(idx), downsample);
  }

  @Override
  public int count() {
    return file.count();
  }

  @Override
  public int[] sampleShape() {
    return downsample ? new int[] {14, 14} : new int[] {28, 28};
  }

  @Override
  public String describe() {
    return file.describe() + (downsample ? " averaged to 14x14" : "");
  }

  @Override
  public Reader open(int start) throws UsageException {
    Reader r = file.open(start);
    return new Reader() {
      @Override
      public Tensor next() throws UsageException {
        Tensor t = r.next();
        float[] x = new float[784];
        for (int j = 0; j < 784; j++) {
          x[j] = t.getFloat(j);
        }
        return downsample ? Tensor.ofFloats(new int[] {14, 14}, downsample(x)) : Tensor.ofFloats(new int[] {28, 28}, x);
      }

      @Override
      public void close() {
        r.close();
      }
    };
  }

  static float[] downsample(float[] x) {
    float[] y = new float[196];
    for (int r = 0; r < 14; r++) {
      for (int c = 0; c < 14; c++) {
        y[r * 14 + c] = (x[2 * r * 28 + 2 * c] + x[2 * r * 28 + 2 * c + 1] + x[(2 * r + 1) * 28 + 2 * c]
            + x[(2 * r + 1) * 28 + 2 * c + 1]) / 4;
      }
    }
    return y;
  }
}
