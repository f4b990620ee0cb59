package dev.tenax.lower;

import dev.tenax.ir.DType;
import dev.tenax.kernels.PoolGeometry;
import dev.tenax.lower.LoweredValue.Activation;
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
    if (!max && fused != null && !fused.quant().equals(x.quant()) && fused.quant().type() == type
        && geometry.padTop() == 0
        && geometry.padLeft() == 0 && unpadded(ctx, xs, geometry)) {
      return averageAsDepthwise(ctx, x, geometry, fused);
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
   * An average that requantizes to another scale, computed in one rounding as a depthwise
   * convolution with unit weights and the multiplier {@code inScale / (window * outScale)}:
   * averaging then requantizing would round twice and drift from ONNX's float semantics.
   * For int8 the unit weight is 2^e and the shift e lower, with e chosen so that the shift is -2
   * or below where the window allows (at most 64, the accumulator under 2^30): the same results
   * (tx_requantize(2^e acc, m, shift - e) = tx_requantize(acc, m, shift), the rounding offset and
   * the divisor both scale by 2^e), but the Cortex-M DSP kernels' fast output stage takes shifts
   * in [-23, -2] only (tx_arm_dsp_requant.h) and would leave an average to a slower path.
   * TODO: a requantizing average-pool kernel would save the constant filter.
   */
  private static boolean averageAsDepthwise(LowerContext ctx, Activation x, PoolGeometry g,
      FusedOutput fused) {
    int c = ctx.inputType(0).dim(1);
    int window = g.filterH() * g.filterW();
    double real = (double) x.quant().scale() / ((double) window * fused.quant().scale());
    dev.tenax.quant.QuantizedMultiplier m = dev.tenax.quant.QuantizedMultiplier.of(real);
    boolean wide = x.quant().type() == DType.INT16;
    int[] multipliers = new int[c];
    int[] shifts = new int[c];
    java.util.Arrays.fill(multipliers, wide ? m.reduced() : m.multiplier());
    int e = wide ? 0 : unitWeightExponent(m.shift(), window);
    java.util.Arrays.fill(shifts, m.shift() - e);
    byte[] ones = new byte[window * c];
    java.util.Arrays.fill(ones, (byte) (1 << e));
    View in = ctx.inLayout(x.view(), Layouts.NHWC);
    View out = ctx.newBuffer(fused, ctx.outputType(0).shape(), Layouts.NHWC);
    int[] fs = {1, g.filterH(), g.filterW(), c};
    if (wide) {
      var p = new dev.tenax.kernels.DepthwiseConv2dS16.Params(g.strideH(), g.strideW(), 1, 1, 0, 0, 1,
          fused.range().min(), fused.range().max(), multipliers, shifts);
      ctx.emit(new dev.tenax.lower.steps.ConvS16Step(ctx.node().name(), null, p, in, fs, ones, null, out));
    } else {
      var p = new dev.tenax.kernels.DepthwiseConv2dS8.Params(g.strideH(), g.strideW(), 1, 1, 0, 0, 1,
          -x.quant().zeroPoint(), fused.quant().zeroPoint(), fused.range().min(), fused.range().max(),
          multipliers, shifts);
      ctx.emit(new dev.tenax.lower.steps.DepthwiseConvS8Step(ctx.node().name(), p, in, fs, ones, null, out));
    }
    ctx.absorb(fused, out);
    return true;
  }

  /**
   * The e of {@link #averageAsDepthwise}'s int8 unit weight 2^e: enough to bring {@code shift} to
   * -2, at most 6 (an int8 weight), and small enough that the window's largest sum, {@code window}
   * inputs of magnitude up to 255, stays below 2^30.
   */
  static int unitWeightExponent(int shift, int window) {
    int e = Math.max(0, Math.min(6, shift + 2));
    while (e > 0 && (long) window * 255 << e >= 1L << 30) {
      e--;
    }
    return e;
  }
}
