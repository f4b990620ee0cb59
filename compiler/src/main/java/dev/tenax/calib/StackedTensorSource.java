package dev.tenax.calib;

import dev.tenax.ir.Tensor;
import java.util.Arrays;

/**
 * Samples stacked on the first axis of a float tensor in memory: the same samples a stacked
 * .npy file of that tensor gives, for programs that calibrate what they have just made.
 */
public final class StackedTensorSource implements SampleSource {
  private final Tensor stack;
  private final int[] sampleShape;
  private final int sampleSize;

  public StackedTensorSource(Tensor stack) {
    if (stack.shape().length < 1) {
      throw new IllegalArgumentException("a stack of samples needs a first axis");
    }
    this.stack = stack;
    this.sampleShape = Arrays.copyOfRange(stack.shape(), 1, stack.shape().length);
    this.sampleSize = stack.size() / Math.max(1, stack.shape()[0]);
  }

  @Override
  public int count() {
    return stack.shape()[0];
  }

  @Override
  public int[] sampleShape() {
    return sampleShape.clone();
  }

  @Override
  public String describe() {
    return count() + " samples in memory";
  }

  @Override
  public Reader open(int start) {
    float[] all = stack.floats();
    return new Reader() {
      private int index = start;

      @Override
      public Tensor next() {
        int from = index++ * sampleSize;
        return Tensor.ofFloats(sampleShape, Arrays.copyOfRange(all, from, from + sampleSize));
      }

      @Override
      public void close() {
      }
    };
  }
}
