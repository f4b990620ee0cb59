package dev.tenax.lower;

import dev.tenax.lower.LoweredValue.Activation;

/**
 * Operators that move no data: Reshape, Flatten, Squeeze, Unsqueeze and Identity give a new view
 * of the input in logical order; Transpose changes only the view's permutation.
 */
public final class ViewLowering {
  private ViewLowering() {}

  /** Output 0 is input 0 with the output's shape. */
  public static boolean reshape(LowerContext ctx) {
    Activation x = ctx.activation(0);
    if (x == null) {
      return false;
    }
    View v = ctx.inLogicalOrder(x.view());
    ctx.define(0, new Activation(View.of(v.buffer(), ctx.outputType(0).shape())));
    return true;
  }

  /** ONNX Transpose with {@code perm}: output axis j is input axis perm[j]. */
  public static boolean transpose(LowerContext ctx, int[] perm) {
    Activation x = ctx.activation(0);
    if (x == null) {
      return false;
    }
    View v = x.view();
    int[] inv = Layouts.inverse(perm);
    int[] viewPerm = v.perm();
    int[] outPerm = new int[viewPerm.length];
    for (int k = 0; k < viewPerm.length; k++) {
      outPerm[k] = inv[viewPerm[k]];
    }
    ctx.define(0, new Activation(new View(v.buffer(), v.shape(), outPerm)));
    return true;
  }
}
