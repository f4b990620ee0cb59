package dev.tenax.lower;

import dev.tenax.ir.DType;
import dev.tenax.kernels.AddS16;
import dev.tenax.kernels.AddS8;
import dev.tenax.kernels.MulS16;
import dev.tenax.kernels.MulS8;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.steps.AddS8Step;
import dev.tenax.lower.steps.ElementwiseS16Step;
import dev.tenax.lower.steps.FloatBinaryStep;
import dev.tenax.lower.steps.MulS8Step;
import java.util.Arrays;

/**
 * Add and Mul of two tensors of one shape: {@code tx_add_s8}/{@code tx_mul_s8} (or the int16
 * twins) when both are quantized and the result is, else the float32 fallback kernels.
 */
public final class ElementwiseLowering {
  private ElementwiseLowering() {}

  public static boolean lower(LowerContext ctx, boolean add) {
    return lowerInteger(ctx, add) || lowerFloat(ctx, add);
  }

  /** The float32 fallback, for operands that are not both quantized (a float island). */
  private static boolean lowerFloat(LowerContext ctx, boolean add) {
    if (ctx.activation(0) == null || ctx.activation(1) == null
        || !Arrays.equals(ctx.inputType(0).shape(), ctx.inputType(1).shape())) {
      return false;
    }
    View a = ctx.floatInput(0);
    View b = ctx.floatInput(1);
    if (!Arrays.equals(a.perm(), b.perm())) {
      return false;
    }
    View out = ctx.newBuffer(0, ctx.outputType(0).shape(), a.perm(), DType.FLOAT32, null);
    ctx.emit(new FloatBinaryStep(ctx.node().name(), add, a, b, out));
    ctx.define(0, new Activation(out));
    ctx.markFloat();
    return true;
  }

  private static boolean lowerInteger(LowerContext ctx, boolean add) {
    Activation a = ctx.integerActivation(0);
    Activation b = ctx.integerActivation(1);
    FusedOutput fused = ctx.fusedOutput();
    if (a == null || b == null || fused == null
        || !Arrays.equals(ctx.inputType(0).shape(), ctx.inputType(1).shape())
        || a.quant().type() != b.quant().type() || fused.quant().type() != a.quant().type()) {
      return false; // TODO: broadcasting (the kernels take equal shapes; expand constants here)
    }
    View va = a.view();
    View vb = ctx.inLayout(b.view(), va.perm());
    View out = ctx.newBuffer(fused, ctx.outputType(0).shape(), va.perm());
    QuantParams qa = a.quant();
    QuantParams qb = b.quant();
    QuantParams qo = fused.quant();
    if (qo.type() == DType.INT16) {
      ctx.emit(new ElementwiseS16Step(ctx.node().name(),
          add ? AddS16.forScales(qa.scale(), qb.scale(), qo.scale(), fused.range()) : null,
          add ? null : MulS16.forScales(qa.scale(), qb.scale(), qo.scale(), fused.range()), va, vb, out));
    } else if (add) {
      var p = AddS8.forScales(qa.scale(), qa.zeroPoint(), qb.scale(), qb.zeroPoint(), qo.scale(),
          qo.zeroPoint(), fused.range());
      ctx.emit(new AddS8Step(ctx.node().name(), p, va, vb, out));
    } else {
      var p = MulS8.forScales(qa.scale(), qa.zeroPoint(), qb.scale(), qb.zeroPoint(), qo.scale(),
          qo.zeroPoint(), fused.range());
      ctx.emit(new MulS8Step(ctx.node().name(), p, va, vb, out));
    }
    ctx.absorb(fused, out);
    return true;
  }
}
