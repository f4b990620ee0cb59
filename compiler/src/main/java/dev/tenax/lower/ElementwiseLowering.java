package dev.tenax.lower;

import dev.tenax.ir.DType;
import dev.tenax.kernels.AddS8;
import dev.tenax.kernels.MulS8;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.steps.AddS8Step;
import dev.tenax.lower.steps.MulS8Step;
import java.util.Arrays;

/** Add and Mul of two int8 tensors of one shape, to {@code tx_add_s8} and {@code tx_mul_s8}. */
public final class ElementwiseLowering {
  private ElementwiseLowering() {}

  public static boolean lower(LowerContext ctx, boolean add) {
    Activation a = ctx.quantizedActivation(0);
    Activation b = ctx.quantizedActivation(1);
    FusedOutput fused = ctx.fusedOutput();
    if (a == null || b == null || fused == null
        || !Arrays.equals(ctx.inputType(0).shape(), ctx.inputType(1).shape())) {
      return false; // TODO: broadcasting (the kernels take equal shapes; expand constants here)
    }
    View va = a.view();
    View vb = ctx.inLayout(b.view(), va.perm());
    View out = ctx.newBuffer(fused, ctx.outputType(0).shape(), va.perm());
    QuantParams qa = a.quant();
    QuantParams qb = b.quant();
    QuantParams qo = fused.quant();
    if (add) {
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
