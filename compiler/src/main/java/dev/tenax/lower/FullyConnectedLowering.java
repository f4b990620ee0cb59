package dev.tenax.lower;

import dev.tenax.ir.DType;
import dev.tenax.kernels.FullyConnectedS16;
import dev.tenax.kernels.FullyConnectedS8;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.LoweredValue.QuantizedConstant;
import dev.tenax.lower.steps.FullyConnectedS16Step;
import dev.tenax.lower.steps.FullyConnectedS8Step;
import dev.tenax.quant.QuantizedMultiplier;

/**
 * Gemm and MatMul with an int8 activation on the left and int8 per-channel weights on the
 * right, to {@code tx_fully_connected_s8}: every leading axis of the input becomes a row, the
 * weights become {@code [out][in]}.
 */
public final class FullyConnectedLowering {
  private FullyConnectedLowering() {}

  /** Gemm: {@code alpha * A * op(B) + beta * C}; alpha and beta fold into the requantization. */
  public static boolean lowerGemm(LowerContext ctx) {
    if (ctx.attrs().getInt("transA", 0) != 0) {
      return false;
    }
    boolean transB = ctx.attrs().getInt("transB", 0) != 0;
    float alpha = ctx.attrs().getFloat("alpha", 1f);
    float beta = ctx.attrs().getFloat("beta", 1f);
    if (!(alpha > 0) || (ctx.has(2) && beta != 1f)) {
      return false; // TODO: fold beta != 1 into the bias and a negative alpha into the weights
    }
    return lower(ctx, transB, alpha);
  }

  /** MatMul with a constant 2-D right operand. */
  public static boolean lowerMatMul(LowerContext ctx) {
    if (ctx.quantizedConstant(1) == null || ctx.inputType(1).rank() != 2) {
      return false;
    }
    return lower(ctx, false, 1f);
  }

  private static boolean lower(LowerContext ctx, boolean transB, float alpha) {
    Activation x = ctx.integerActivation(0);
    QuantizedConstant w = ctx.quantizedConstant(1);
    FusedOutput fused = ctx.fusedOutput();
    if (x == null || w == null || fused == null || fused.quant().type() != x.quant().type()) {
      return false;
    }
    boolean wide = x.quant().type() == DType.INT16;
    int[] bs = w.data().shape();
    int in = transB ? bs[1] : bs[0];
    int outF = transB ? bs[0] : bs[1];
    int channelAxis = transB ? 0 : 1;
    if (w.data().dtype() != DType.INT8 || !w.symmetric()
        || (w.scales().length > 1 && w.axis() != channelAxis)) {
      throw ctx.unsupportedQuantization("weights must be int8 with zero point 0, per tensor or per "
          + "output feature (axis " + channelAxis + ")");
    }
    long[] wv = w.data().longs();
    byte[] weights = new byte[outF * in];
    for (int o = 0; o < outF; o++) {
      for (int i = 0; i < in; i++) {
        weights[o * in + i] = (byte) (transB ? wv[o * in + i] : wv[i * outF + o]);
      }
    }
    float inScale = x.quant().scale();
    int[] multipliers = new int[outF];
    int[] shifts = new int[outF];
    for (int c = 0; c < outF; c++) {
      QuantizedMultiplier m = QuantizedMultiplier.of((double) alpha * inScale * w.scale(c)
          / fused.quant().scale());
      multipliers[c] = wide ? m.reduced() : m.multiplier();
      shifts[c] = m.shift();
    }
    int[] bias = BiasValues.of(ctx, 2, inScale, w, outF);
    if (bias != null && alpha != 1f) {
      return false; // TODO: divide the bias by alpha
    }
    View input = ctx.inLogicalOrder(x.view());
    int rows = input.buffer().elements() / in;
    int[] outShape = ctx.outputType(0).shape();
    View out = ctx.newBuffer(fused, outShape, Layouts.identity(outShape.length));
    if (wide) {
      var p = new FullyConnectedS16.Params(fused.range().min(), fused.range().max(), multipliers, shifts);
      ctx.emit(new FullyConnectedS16Step(ctx.node().name(), p, input, rows, weights,
          bias == null ? null : java.util.Arrays.stream(bias).asLongStream().toArray(), out));
    } else {
      var p = new FullyConnectedS8.Params(-x.quant().zeroPoint(), fused.quant().zeroPoint(),
          fused.range().min(), fused.range().max(), multipliers, shifts);
      ctx.emit(new FullyConnectedS8Step(ctx.node().name(), p, input, rows, weights, bias, out));
    }
    ctx.absorb(fused, out);
    return true;
  }
}
