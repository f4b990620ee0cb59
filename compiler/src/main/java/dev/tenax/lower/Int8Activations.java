package dev.tenax.lower;

import dev.tenax.kernels.SigmoidS8;
import dev.tenax.kernels.SoftmaxS8;
import dev.tenax.kernels.TanhS8;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.steps.FloatRowsStep;
import dev.tenax.lower.steps.Int8RowsStep;

/**
 * Softmax, Sigmoid and Tanh between int8 tensors: TFLite's int8 softmax (whose output is fixed at
 * scale 1/256, zero point -128, as the quantizer writes it) and lookup tables computed here for
 * any input and output quantization.
 */
final class Int8Activations {
  private Int8Activations() {}

  static boolean lower(LowerContext ctx, FloatRowsStep.Kind kind, int rowSize) {
    Activation x = ctx.quantizedActivation(0);
    FusedOutput fused = ctx.fusedOutput();
    if (x == null || fused == null || !LowerContext.noClamp(fused)) {
      return false; // a clamp after the activation is not part of these kernels
    }
    QuantParams in = x.quant();
    QuantParams out = fused.quant();
    switch (kind) {
      case SOFTMAX -> {
        if (out.scale() != (float) SoftmaxS8.OUTPUT_SCALE || out.zeroPoint() != SoftmaxS8.OUTPUT_ZERO_POINT
            || rowSize > SoftmaxS8.MAX_ROW_SIZE || !x.view().inLogicalOrder()) {
          return false;
        }
        SoftmaxS8.Params p;
        try {
          p = SoftmaxS8.forScale(in.scale(), 1.0);
        } catch (IllegalArgumentException e) {
          return false; // an input scale outside the fixed-point range: the float kernel takes it
        }
        View v = ctx.inLogicalOrder(x.view());
        View o = ctx.newBuffer(fused, ctx.outputType(0).shape(), v.perm());
        ctx.emit(Int8RowsStep.softmax(ctx.node().name(), p, rowSize, v, o));
        ctx.absorb(fused, o);
        return true;
      }
      case SIGMOID, TANH -> {
        View o = ctx.newBuffer(fused, ctx.outputType(0).shape(), x.view().perm());
        ctx.emit(kind == FloatRowsStep.Kind.SIGMOID
            ? Int8RowsStep.sigmoid(ctx.node().name(),
                SigmoidS8.forScales(in.scale(), in.zeroPoint(), out.scale(), out.zeroPoint()), x.view(), o)
            : Int8RowsStep.tanh(ctx.node().name(),
                TanhS8.forScales(in.scale(), in.zeroPoint(), out.scale(), out.zeroPoint()), x.view(), o));
        ctx.absorb(fused, o);
        return true;
      }
      default -> {
        return false;
      }
    }
  }
}
