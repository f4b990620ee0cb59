package dev.tenax.lower;

import dev.tenax.ir.DType;
import dev.tenax.kernels.DepthwiseConv2dS16;
import dev.tenax.kernels.DepthwiseConv2dS8;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.steps.ConvS16Step;
import dev.tenax.lower.steps.DepthwiseConvS8Step;
import dev.tenax.quant.ActivationRange;
import dev.tenax.quant.QuantizedMultiplier;

/**
 * A Relu or Clip that no kernel absorbed (it follows a pooling, an addition, a graph input...)
 * between int8 or int16 tensors: requantize and clamp, computed as a depthwise convolution with
 * one channel and a unit weight over the tensor seen as a single row, whose multiplier is
 * {@code inScale / outScale} and whose activation range is the clamp.
 */
public final class ClampLowering {
  private ClampLowering() {}

  public static boolean lower(LowerContext ctx) {
    Activation x = ctx.integerActivation(0);
    FusedOutput fused = ctx.fusedOutput(); // what follows this node: its own clamp comes on top
    float[] own = ctx.node().opType().equals("Relu") ? new float[] {0f, Float.POSITIVE_INFINITY}
        : ClipBounds.of(ctx.node(), ctx.valuesOfInputs());
    if (x == null || fused == null || own == null || fused.quant().type() != x.quant().type()) {
      return false;
    }
    ActivationRange mine = ActivationRange.clip(own[0], own[1], fused.quant().scale(),
        fused.quant().zeroPoint(), fused.quant().type());
    ActivationRange range = new ActivationRange(Math.max(mine.min(), fused.range().min()),
        Math.max(Math.max(mine.min(), fused.range().min()), Math.min(mine.max(), fused.range().max())));
    boolean wide = x.quant().type() == DType.INT16;
    QuantizedMultiplier m = QuantizedMultiplier.of((double) x.quant().scale() / fused.quant().scale());
    int[] mult = {wide ? m.reduced() : m.multiplier()};
    int[] shift = {m.shift()};
    int n = x.view().buffer().elements();
    View in = new View(x.view().buffer(), new int[] {1, 1, n, 1}, new int[] {0, 1, 2, 3});
    View out = ctx.newBuffer(fused, new int[] {1, 1, n, 1}, new int[] {0, 1, 2, 3});
    int[] filterShape = {1, 1, 1, 1};
    byte[] one = {1};
    if (wide) {
      var p = new DepthwiseConv2dS16.Params(1, 1, 1, 1, 0, 0, 1, range.min(), range.max(),
          mult, shift);
      ctx.emit(new ConvS16Step(ctx.node().name(), null, p, in, filterShape, one, null, out));
    } else {
      var p = new DepthwiseConv2dS8.Params(1, 1, 1, 1, 0, 0, 1, -x.quant().zeroPoint(),
          fused.quant().zeroPoint(), range.min(), range.max(), mult, shift);
      ctx.emit(new DepthwiseConvS8Step(ctx.node().name(), p, in, filterShape, one, null, out));
    }
    // The result has the input's layout: same physical order, viewed with the input's shape.
    ctx.absorb(fused, new View(out.buffer(), x.view().shape(), x.view().perm()));
    return true;
  }
}
