package dev.tenax.lower;

import dev.tenax.ir.DType;
import dev.tenax.kernels.Conv2dS16;
import dev.tenax.kernels.Conv2dS8;
import dev.tenax.kernels.DepthwiseConv2dS16;
import dev.tenax.kernels.DepthwiseConv2dS8;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.LoweredValue.QuantizedConstant;
import dev.tenax.lower.steps.ConvS16Step;
import dev.tenax.lower.steps.ConvS8Step;
import dev.tenax.lower.steps.DepthwiseConvS8Step;
import dev.tenax.ops.nn.WindowGeometry;
import dev.tenax.quant.ActivationRange;
import dev.tenax.quant.QuantizedMultiplier;

/**
 * ONNX Conv over an int8 NCHW input, int8 per-channel weights and an int32 bias, to
 * {@code tx_depthwise_conv2d_s8} when every group has one input channel and to
 * {@code tx_conv2d_s8} otherwise, with the data stored NHWC; over an int16 input (16x8 mode) to
 * the {@code _s16} twins with an int64 bias and reduced multipliers.
 */
public final class ConvLowering {
  private ConvLowering() {}

  public static boolean lower(LowerContext ctx) {
    Activation x = ctx.integerActivation(0);
    QuantizedConstant w = ctx.quantizedConstant(1);
    FusedOutput fused = ctx.fusedOutput();
    if (x == null || w == null || fused == null || ctx.inputType(0).rank() != 4
        || fused.quant().type() != x.quant().type()) {
      return false;
    }
    boolean wide = x.quant().type() == DType.INT16;
    if (w.data().dtype() != DType.INT8 || !w.symmetric() || (w.scales().length > 1 && w.axis() != 0)) {
      throw ctx.unsupportedQuantization("Conv weights must be int8 with zero point 0, per tensor or "
          + "per output channel (axis 0)");
    }
    int[] ws = w.data().shape(); // O, I/g, kh, kw
    int outC = ws[0];
    int[] xs = ctx.inputType(0).shape();
    WindowGeometry g = WindowGeometry.resolve(ctx.attrs(), new int[] {ws[2], ws[3]},
        new int[] {xs[2], xs[3]}, false);
    int groups = (int) ctx.attrs().getInt("group", 1);
    float inScale = x.quant().scale();
    float outScale = fused.quant().scale();
    int[] multipliers = new int[outC];
    int[] shifts = new int[outC];
    for (int c = 0; c < outC; c++) {
      QuantizedMultiplier m = QuantizedMultiplier.of((double) inScale * w.scale(c) / outScale);
      multipliers[c] = wide ? m.reduced() : m.multiplier();
      shifts[c] = m.shift();
    }
    int[] bias = wide ? null : BiasValues.of(ctx, 2, inScale, w, outC);
    long[] bias64 = wide ? BiasValues.of64(ctx, 2, inScale, w, outC) : null;
    View in = ctx.inLayout(x.view(), Layouts.NHWC);
    View out = ctx.newBuffer(fused, ctx.outputType(0).shape(), Layouts.NHWC);
    ActivationRange r = fused.range();
    int inOffset = -x.quant().zeroPoint();
    int outOffset = fused.quant().zeroPoint();
    long[] wv = w.data().longs();
    int kh = ws[2];
    int kw = ws[3];
    if (groups == xs[1] && ws[1] == 1 && groups > 1) {
      byte[] filter = new byte[outC * kh * kw];
      for (int o = 0; o < outC; o++) {
        for (int y = 0; y < kh; y++) {
          for (int z = 0; z < kw; z++) {
            filter[(y * kw + z) * outC + o] = (byte) wv[(o * kh + y) * kw + z];
          }
        }
      }
      int[] fs = {1, kh, kw, outC};
      if (wide) {
        var p = new DepthwiseConv2dS16.Params(g.strides()[0], g.strides()[1], g.dilations()[0],
            g.dilations()[1], g.padBegin()[0], g.padBegin()[1], outC / xs[1], r.min(), r.max(),
            multipliers, shifts);
        ctx.emit(new ConvS16Step(ctx.node().name(), null, p, in, fs, filter, bias64, out));
      } else {
        var p = new DepthwiseConv2dS8.Params(g.strides()[0], g.strides()[1], g.dilations()[0],
            g.dilations()[1], g.padBegin()[0], g.padBegin()[1], outC / xs[1], inOffset, outOffset,
            r.min(), r.max(), multipliers, shifts);
        ctx.emit(new DepthwiseConvS8Step(ctx.node().name(), p, in, fs, filter, bias, out));
      }
    } else {
      int fc = ws[1];
      byte[] filter = new byte[outC * kh * kw * fc];
      for (int o = 0; o < outC; o++) {
        for (int i = 0; i < fc; i++) {
          for (int y = 0; y < kh; y++) {
            for (int z = 0; z < kw; z++) {
              filter[((o * kh + y) * kw + z) * fc + i] = (byte) wv[((o * fc + i) * kh + y) * kw + z];
            }
          }
        }
      }
      int[] fs = {outC, kh, kw, fc};
      if (wide) {
        var p = new Conv2dS16.Params(g.strides()[0], g.strides()[1], g.dilations()[0],
            g.dilations()[1], g.padBegin()[0], g.padBegin()[1], groups, r.min(), r.max(),
            multipliers, shifts);
        ctx.emit(new ConvS16Step(ctx.node().name(), p, null, in, fs, filter, bias64, out));
      } else {
        var p = new Conv2dS8.Params(g.strides()[0], g.strides()[1], g.dilations()[0],
            g.dilations()[1], g.padBegin()[0], g.padBegin()[1], groups, inOffset, outOffset,
            r.min(), r.max(), multipliers, shifts);
        ctx.emit(new ConvS8Step(ctx.node().name(), p, in, fs, filter, bias, out));
      }
    }
    ctx.absorb(fused, out);
    return true;
  }
}
