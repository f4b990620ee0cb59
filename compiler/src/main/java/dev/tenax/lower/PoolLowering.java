package dev.tenax.lower;

import dev.tenax.ir.DType;
import dev.tenax.kernels.AvgPoolRequantS8;
import dev.tenax.kernels.PoolGeometry;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.steps.AvgPoolRequantS8Step;
import dev.tenax.lower.steps.PoolStep;
import dev.tenax.ops.nn.WindowGeometry;
import dev.tenax.quant.ActivationRange;

/**
 * MaxPool, AveragePool and GlobalAveragePool over an int8 NCHW input, to the NHWC pooling
 * kernels. Pooling keeps the input's quantization; a following QuantizeLinear with the same
 * scale and zero point (and any Relu/Clip before it) is absorbed, another one requantizes.
 */
public final class PoolLowering {
  private PoolLowering() {}

  public static boolean lower(LowerContext ctx, boolean max, boolean global) {
    Activation x = ctx.integerActivation(0);
    if (x == null || ctx.inputType(0).rank() != 4) {
      return false;
    }
    DType type = x.quant().type();
    int[] xs = ctx.inputType(0).shape();
    PoolGeometry geometry;
    if (global) {
      geometry = new PoolGeometry(xs[2], xs[3], 1, 1, 0, 0);
    } else {
      int[] kernel = ctx.attrs().getIntArray("kernel_shape", null);
      WindowGeometry g = WindowGeometry.resolve(ctx.attrs(), kernel, new int[] {xs[2], xs[3]}, true);
      if (g.dilations()[0] != 1 || g.dilations()[1] != 1) {
        return false;
      }
      boolean padded = g.padBegin()[0] + g.padBegin()[1] + g.padEnd()[0] + g.padEnd()[1] > 0;
      if (!max && padded && ctx.attrs().getInt("count_include_pad", 0) != 0) {
        return false; // TODO: an average that counts padding needs its own divisor table
      }
      geometry = new PoolGeometry(kernel[0], kernel[1], g.strides()[0], g.strides()[1],
          g.padBegin()[0], g.padBegin()[1]);
    }
    FusedOutput fused = ctx.fusedOutput();
    // an int8 window beyond MAX_WINDOW (2^23 taps, no MCU holds one) averages, then requantizes
    if (!max && fused != null && !fused.quant().equals(x.quant()) && fused.quant().type() == type
        && geometry.padTop() == 0
        && geometry.padLeft() == 0 && unpadded(ctx, xs, geometry)
        && (type == DType.INT16
            || (long) geometry.filterH() * geometry.filterW() <= AvgPoolRequantS8.MAX_WINDOW)) {
      return averageRequantized(ctx, x, geometry, fused);
    }
    boolean absorb = fused != null && fused.quant().equals(x.quant());
    ActivationRange range = absorb ? fused.range() : ActivationRange.none(type);
    View in = ctx.inLayout(x.view(), Layouts.NHWC);
    View out = ctx.newBuffer(0, ctx.outputType(0).shape(), Layouts.NHWC, type, x.quant());
    ctx.emit(new PoolStep(ctx.node().name(), max, geometry, range.min(), range.max(), in, out));
    if (absorb) {
      ctx.absorb(fused, out);
    } else {
      ctx.define(0, new Activation(out));
    }
    return true;
  }

  private static boolean unpadded(LowerContext ctx, int[] xs, PoolGeometry g) {
    int[] out = ctx.outputType(0).shape();
    return (out[2] - 1) * g.strideH() + g.filterH() <= xs[2] && (out[3] - 1) * g.strideW() + g.filterW() <= xs[3];
  }

  /**
   * An average that requantizes to another scale, in one rounding with the multiplier
   * {@code inScale / (window * outScale)}: averaging then requantizing would round twice and drift
   * from ONNX's float semantics. Int8 takes the requantizing average-pool kernel; int16 a
   * depthwise convolution with unit weights, which computes the same sum.
   */
  private static boolean averageRequantized(LowerContext ctx, Activation x, PoolGeometry g,
      FusedOutput fused) {
    int window = g.filterH() * g.filterW();
    double real = (double) x.quant().scale() / ((double) window * fused.quant().scale());
    dev.tenax.quant.QuantizedMultiplier m = dev.tenax.quant.QuantizedMultiplier.of(real);
    View in = ctx.inLayout(x.view(), Layouts.NHWC);
    View out = ctx.newBuffer(fused, ctx.outputType(0).shape(), Layouts.NHWC);
    if (x.quant().type() == DType.INT16) {
      int c = ctx.inputType(0).dim(1);
      int[] multipliers = new int[c];
      int[] shifts = new int[c];
      java.util.Arrays.fill(multipliers, m.reduced());
      java.util.Arrays.fill(shifts, m.shift());
      byte[] ones = new byte[window * c];
      java.util.Arrays.fill(ones, (byte) 1);
      var p = new dev.tenax.kernels.DepthwiseConv2dS16.Params(g.strideH(), g.strideW(), 1, 1, 0, 0, 1,
          fused.range().min(), fused.range().max(), multipliers, shifts);
      ctx.emit(new dev.tenax.lower.steps.ConvS16Step(ctx.node().name(), null, p, in,
          new int[] {1, g.filterH(), g.filterW(), c}, ones, null, out));
    } else {
      var p = new AvgPoolRequantS8.Params(g, -x.quant().zeroPoint(), fused.quant().zeroPoint(),
          fused.range().min(), fused.range().max(), m.multiplier(), m.shift());
      ctx.emit(new AvgPoolRequantS8Step(ctx.node().name(), p, in, out));
    }
    ctx.absorb(fused, out);
    return true;
  }
}
