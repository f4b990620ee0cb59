package dev.tenax.quantizer;

import dev.tenax.calib.SampleSource;
import dev.tenax.ir.Tensor;
import java.util.SplittableRandom;

/**
 * Calibration samples drawn uniformly from [{@value #LOW}, {@value #HIGH}) (before any
 * preprocessing), with a fixed seed so repeated runs agree. Only good for trying the tool:
 * ranges seen on noise rarely match real data, so accuracy is poor.
 */
public final class RandomSource implements SampleSource {
  public static final float LOW = 0f;
  public static final float HIGH = 1f;
  private static final long SEED = 0x7e4a5L;
  private final int[] shape;
  private final int count;

  public RandomSource(int[] shape, int count) {
    this.shape = shape.clone();
    this.count = count;
  }

  @Override
  public int count() {
    return count;
  }

  @Override
  public int[] sampleShape() {
    return shape.clone();
  }

  @Override
  public String describe() {
    return "random uniform [" + LOW + ", " + HIGH + ")";
  }

  @Override
  public Reader open(int start) {
    SplittableRandom rnd = new SplittableRandom(SEED + start);
    return new Reader() {
      @Override
      public Tensor next() {
        int n = 1;
        for (int d : shape) {
          n *= d;
        }
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
          x[i] = LOW + (HIGH - LOW) * (float) rnd.nextDouble();
        }
        return Tensor.ofFloats(shape, x);
      }

      @Override
      public void close() {
      }
    };
  }
}
