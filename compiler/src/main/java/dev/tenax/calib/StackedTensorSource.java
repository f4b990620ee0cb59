package dev.tenax.calib;

import dev.tenax.ir.Tensor;
import java.util.Arrays;

/**
 * Samples stacked on the first axis of a tensor in memory: the same samples a stacked .npy file
 * of that tensor gives, for programs that calibrate what they have just made and for the arrays
 * of an .npz archive ({@link NpzSource}).
 */
public final class StackedTensorSource implements SampleSource {
  private final Tensor stack;
  private final int[] sampleShape;
  private final int sampleSize;

  private final String where;

  public StackedTensorSource(Tensor stack) {
    this(stack, "memory");
  }

  /** {@code where}: what the samples are, for messages (a file, an archive's array). */
  public StackedTensorSource(Tensor stack, String where) {
    if (stack.shape().length < 1) {
      throw new IllegalArgumentException("a stack of samples needs a first axis");
    }
    this.stack = stack;
    this.where = where;
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
    return where + " (" + count() + " samples of " + dev.tenax.ir.Shapes.format(sampleShape) + ")";
  }

  @Override
  public Reader open(int start) {
    return new Reader() {
      private int index = start;

      @Override
      public Tensor next() {
        int from = index++ * sampleSize;
        if (stack.dtype().isFloat()) {
          return Tensor.ofFloats(sampleShape, Arrays.copyOfRange(stack.floats(), from, from + sampleSize));
        }
        return Tensor.ofLongs(stack.dtype(), sampleShape, Arrays.copyOfRange(stack.longs(), from, from + sampleSize));
      }

      @Override
      public void close() {
      }
    };
  }
}
