package dev.tenax.lower;

import dev.tenax.ir.DType;
import dev.tenax.kernels.ResizeNearestS8;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.steps.ConcatStep;
import dev.tenax.lower.steps.PadStep;
import dev.tenax.lower.steps.QuantizeStep;
import dev.tenax.lower.steps.ResizeNearestStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Pad, Resize (nearest) and Concat on int8 or int16 (16x8 mode) data: they move values without
 * arithmetic, so the output keeps the input's quantization and type (Concat's inputs are first
 * brought to the output's), and a following QuantizeLinear with the same scale and zero point is
 * absorbed.
 */
public final class ShapeKernels {
  private ShapeKernels() {}

  /**
   * Constant padding by {@code before}/{@code after} per logical axis (negative crops), filling
   * with the real value {@code fill}.
   */
  public static boolean pad(LowerContext ctx, int[] before, int[] after, float fill) {
    Activation x = ctx.integerActivation(0);
    if (x == null || before.length > 4) {
      return false;
    }
    View in = x.view();
    int[] perm = in.perm();
    int pad = 4 - perm.length;
    int[] b4 = new int[4];
    int[] a4 = new int[4];
    for (int k = 0; k < perm.length; k++) {
      b4[k + pad] = before[perm[k]];
      a4[k + pad] = after[perm[k]];
    }
    QuantParams q = x.quant();
    DType type = q.type();
    int fillQ = (int) Math.max(type.min(),
        Math.min(type.max(), Math.rint(fill / q.scale()) + q.zeroPoint()));
    View out = ctx.newBuffer(0, ctx.outputType(0).shape(), perm, type, q);
    ctx.emit(new PadStep(ctx.node().name(), b4, a4, fillQ, in, out));
    finish(ctx, out);
    return true;
  }

  /** Nearest-neighbour resize of H and W of an NCHW tensor, with the tables ONNX's rules give. */
  public static boolean resizeNearest(LowerContext ctx, int[] srcY, int[] srcX) {
    Activation x = ctx.integerActivation(0);
    if (x == null) {
      return false;
    }
    View in = ctx.inLayout(x.view(), Layouts.NHWC);
    View out = ctx.newBuffer(0, ctx.outputType(0).shape(), Layouts.NHWC, x.quant().type(), x.quant());
    ctx.emit(new ResizeNearestStep(ctx.node().name(), new ResizeNearestS8.Params(srcY, srcX), in, out));
    finish(ctx, out);
    return true;
  }

  /** Concatenation along logical {@code axis}. */
  public static boolean concat(LowerContext ctx, int axis) {
    int n = ctx.node().inputs().size();
    List<Activation> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Activation a = ctx.integerActivation(i);
      if (a == null || (i > 0 && a.quant().type() != parts.get(0).quant().type())) {
        return false;
      }
      parts.add(a);
    }
    FusedOutput fused = ctx.fusedOutput();
    QuantParams q = fused != null ? fused.quant() : parts.get(0).quant();
    if (q.type() != parts.get(0).quant().type()) {
      return false;
    }
    int[] perm = parts.get(0).view().perm();
    if (perm.length > 4) {
      return false;
    }
    List<View> views = new ArrayList<>();
    for (Activation a : parts) {
      View v = ctx.inLayout(a.view(), perm);
      if (!a.quant().equals(q)) {
        v = requantize(ctx, v, q);
      }
      views.add(v);
    }
    int physical = 0;
    while (perm[physical] != axis) {
      physical++;
    }
    View out = ctx.newBuffer(0, ctx.outputType(0).shape(), perm, q.type(), q);
    ctx.emit(new ConcatStep(ctx.node().name(), physical + 4 - perm.length, views, out));
    finish(ctx, out);
    return true;
  }

  /** {@code v} in quantization {@code q}, as ONNX computes it: dequantize, then quantize. */
  private static View requantize(LowerContext ctx, View v, QuantParams q) {
    View f = ctx.dequantized(v);
    View out = ctx.newBuffer(0, v.logicalShape(), v.perm(), q.type(), q);
    ctx.emit(new QuantizeStep(ctx.node().name(), q, f, out));
    return out;
  }

  private static void finish(LowerContext ctx, View out) {
    FusedOutput fused = ctx.fusedOutput();
    if (fused != null && fused.quant().equals(out.buffer().quant()) && LowerContext.noClamp(fused)) {
      ctx.absorb(fused, out);
    } else {
      ctx.define(0, new Activation(out));
    }
  }

}
