package dev.tenax.lower;

import dev.tenax.ir.Tensor;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.steps.QuantizeStep;

/**
 * QuantizeLinear and DequantizeLinear: where float32 and int8 meet. A DequantizeLinear moves no
 * data (its consumers read the int8 buffer with its scale), of a constant it yields a
 * {@link LoweredValue.QuantizedConstant}; a QuantizeLinear of float32 data is a kernel call, of
 * data that is already int8 with the same quantization it is nothing.
 */
public final class BoundaryLowering {
  private BoundaryLowering() {}

  public static boolean dequantize(LowerContext ctx) {
    Tensor scale = ctx.constant(1);
    Tensor zp = ctx.has(2) ? ctx.constant(2) : null;
    if (scale == null || (ctx.has(2) && zp == null)) {
      return false;
    }
    Activation x = ctx.activation(0);
    if (x != null) {
      if (!x.quantized() || scale.size() != 1) {
        throw ctx.unsupportedQuantization("activations are dequantized per tensor, with the scale "
            + "of the QuantizeLinear that produced them");
      }
      ctx.define(0, x);
      return true;
    }
    Tensor data = ctx.input(0) instanceof LoweredValue.Constant c ? c.value() : null;
    if (data == null) {
      return false;
    }
    int axis = (int) ctx.attrs().getInt("axis", 1);
    if (axis < 0) {
      axis += data.rank();
    }
    long[] zps = zp == null ? new long[] {0} : zp.longs();
    ctx.define(0, new LoweredValue.QuantizedConstant(data, scale.floats(), zps, axis));
    return true;
  }

  public static boolean quantize(LowerContext ctx) {
    QuantParams q = QuantizeParams.of(ctx.node(), ctx.valuesOfInputs());
    if (q == null) {
      throw ctx.unsupportedQuantization("QuantizeLinear must have a constant per-tensor scale and an "
          + "int8 or int16 zero point");
    }
    Activation x = ctx.activation(0);
    if (x == null) {
      return false;
    }
    if (q.equals(x.quant())) {
      ctx.define(0, x);
      return true;
    }
    View in = x.quantized() ? ctx.floatInput(0) : x.view();
    View out = ctx.newBuffer(0, ctx.outputType(0).shape(), in.perm(), q.type(), q);
    ctx.emit(new QuantizeStep(ctx.node().name(), q, in, out));
    ctx.define(0, new Activation(out));
    return true;
  }

}
