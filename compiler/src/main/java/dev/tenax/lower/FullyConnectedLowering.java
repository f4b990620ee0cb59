package dev.tenax.lower;

import dev.tenax.ir.DType;
import dev.tenax.kernels.FullyConnectedS16;
import dev.tenax.kernels.FullyConnectedS8;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.LoweredValue.QuantizedConstant;
import dev.tenax.lower.steps.FullyConnectedF32Step;
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
    return lower(ctx, transB, alpha) || lowerFloat(ctx, transB, alpha, ctx.has(2) ? beta : 0f);
  }

  /** MatMul with a constant 2-D right operand. */
  public static boolean lowerMatMul(LowerContext ctx) {
    if (ctx.inputType(1).rank() != 2 || (ctx.quantizedConstant(1) == null && ctx.constant(1) == null)) {
      return false;
    }
    return lower(ctx, false, 1f) || lowerFloat(ctx, false, 1f, 0f);
  }

  /**
   * The float32 fallback: the weights (dequantized here when they are int8) and bias become
   * float constants, alpha and beta are folded into them.
   */
  private static boolean lowerFloat(LowerContext ctx, boolean transB, float alpha, float beta) {
    if (ctx.activation(0) == null) {
      return false;
    }
    float[] w = realValues(ctx, 1);
    if (w == null) {
      return false;
    }
    int[] bs = ctx.inputType(1).shape();
    int in = transB ? bs[1] : bs[0];
    int outF = transB ? bs[0] : bs[1];
    float[] weights = new float[outF * in];
    for (int o = 0; o < outF; o++) {
      for (int i = 0; i < in; i++) {
        weights[o * in + i] = alpha * (transB ? w[o * in + i] : w[i * outF + o]);
      }
    }
    float[] bias = null;
    if (beta != 0f) {
      float[] c = realValues(ctx, 2);
      if (c == null || (c.length != outF && c.length != 1)) {
        return false;
      }
      bias = new float[outF];
      for (int o = 0; o < outF; o++) {
        bias[o] = beta * c[c.length == 1 ? 0 : o];
      }
    }
    View x = ctx.floatInput(0);
    if (!x.inLogicalOrder()) {
      return false;
    }
    int rows = x.buffer().elements() / in;
    int[] outShape = ctx.outputType(0).shape();
    View out = ctx.newBuffer(0, outShape, Layouts.identity(outShape.length), DType.FLOAT32, null);
    ctx.emit(new FullyConnectedF32Step(ctx.node().name(), View.of(x.buffer(), new int[] {x.buffer().elements()}),
        rows, weights, bias, out));
    ctx.define(0, new Activation(out));
    ctx.markFloat();
    return true;
  }

  /** A constant input as real values: float32 as is, an integer constant dequantized. */
  private static float[] realValues(LowerContext ctx, int i) {
    dev.tenax.ir.Tensor t = ctx.constant(i);
    if (t != null) {
      return t.dtype() == DType.FLOAT32 ? t.floats() : null;
    }
    QuantizedConstant q = ctx.quantizedConstant(i);
    if (q == null) {
      return null;
    }
    int[] shape = q.data().shape();
    int inner = 1;
    for (int d = q.axis() + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    int channels = q.scales().length == 1 ? 1 : shape[q.axis()];
    float[] real = new float[q.data().size()];
    for (int k = 0; k < real.length; k++) {
      int c = channels == 1 ? 0 : (k / inner) % channels;
      real[k] = (float) (q.data().getLong(k) - q.zeroPoint(c)) * q.scale(c);
    }
    return real;
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
      return false; // not the int8 kernel's scheme (e.g. shifted uint8 weights): float fallback
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
    long[] bias64 = wide ? BiasValues.of64(ctx, 2, inScale, w, outF) : null;
    int[] bias = wide ? null : BiasValues.of(ctx, 2, inScale, w, outF);
    if ((bias != null || bias64 != null) && alpha != 1f) {
      return false; // TODO: divide the bias by alpha
    }
    View input = ctx.inLogicalOrder(x.view());
    int rows = input.buffer().elements() / in;
    int[] outShape = ctx.outputType(0).shape();
    View out = ctx.newBuffer(fused, outShape, Layouts.identity(outShape.length));
    if (wide) {
      var p = new FullyConnectedS16.Params(fused.range().min(), fused.range().max(), multipliers, shifts);
      ctx.emit(new FullyConnectedS16Step(ctx.node().name(), p, input, rows, weights, bias64, out));
    } else {
      var p = new FullyConnectedS8.Params(-x.quant().zeroPoint(), fused.quant().zeroPoint(),
          fused.range().min(), fused.range().max(), multipliers, shifts);
      ctx.emit(new FullyConnectedS8Step(ctx.node().name(), p, input, rows, weights, bias, out));
    }
    ctx.absorb(fused, out);
    return true;
  }
}
