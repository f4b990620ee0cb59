package dev.tenax.ops.quant;

import dev.tenax.lower.LowerContext;
import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import java.util.List;
import java.util.Set;

/**
 * QuantizeLinear: y = saturate(round(x / y_scale) + y_zero_point), rounding half to even.
 * Opset 10 is per-tensor; 13 adds per-axis scales (axis); 19 adds float8 outputs (not held
 * by Tenax, TX020) and the saturate attribute, which only concerns float8; 21 adds blocked
 * scales (block_size), 16-bit and 4-bit outputs and output_dtype; 23 adds precision.
 * The output type is y_zero_point's, else output_dtype's, else uint8.
 */
public final class QuantizeLinear implements Operator {
  private static final Set<DType> X_TYPES = Set.of(DType.FLOAT32, DType.INT32);

  @Override
  public String opType() {
    return "QuantizeLinear";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    TensorType scale = ctx.type(1);
    QuantMath.requireType("x", x, X_TYPES);
    QuantMath.requireType("y_scale", scale, X_TYPES);
    DType out = outputType(ctx);
    QuantLayout.of(ctx.attrs(), ctx.opset(), "y_scale", x, scale);
    if (ctx.has(2)) {
      QuantLayout.of(ctx.attrs(), ctx.opset(), "y_zero_point", x, ctx.type(2));
    }
    long precision = ctx.attrs().getInt("precision", 0);
    if (precision != 0) {
      QuantMath.attributeType("precision", precision, Set.of(DType.FLOAT32));
    }
    return List.of(new TensorType(out, x.shape()));
  }

  private static DType outputType(OpContext ctx) {
    long code = ctx.opset() >= 21 ? ctx.attrs().getInt("output_dtype", 0) : 0;
    DType attr = code == 0 ? null : QuantMath.attributeType("output_dtype", code, QuantMath.QUANT_TYPES);
    if (!ctx.has(2)) {
      return attr != null ? attr : DType.UINT8;
    }
    DType zp = ctx.type(2).dtype();
    QuantMath.requireType("y_zero_point", ctx.type(2), QuantMath.QUANT_TYPES);
    if (attr != null && attr != zp) {
      throw new OpException(Code.TX050, "output_dtype " + attr + " differs from y_zero_point's type " + zp,
          "drop output_dtype or make it match y_zero_point");
    }
    return zp;
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    Tensor scale = ctx.input(1);
    Tensor zp = ctx.input(2);
    DType out = ctx.outputType(0).dtype();
    int[] si = QuantLayout.of(ctx.attrs(), ctx.opset(), "y_scale", x.type(), scale.type()).indexMap();
    int[] zi = zp == null ? null
        : QuantLayout.of(ctx.attrs(), ctx.opset(), "y_zero_point", x.type(), zp.type()).indexMap();
    // numpy divides float32 by float32 in float32 and anything involving int32 in float64;
    // precision=float32 casts both operands to float32 first.
    boolean floatDivision = (x.dtype().isFloat() && scale.dtype().isFloat())
        || ctx.attrs().getInt("precision", 0) == 1;
    long[] y = new long[x.size()];
    for (int i = 0; i < y.length; i++) {
      double q = floatDivision ? x.getFloat(i) / scale.getFloat(si[i])
          : x.getDouble(i) / scale.getDouble(si[i]);
      // NaN has no integer value (ONNX leaves it undefined); it becomes the zero point.
      double r = Double.isNaN(q) ? 0 : Math.rint(q);
      y[i] = QuantMath.roundSaturate(r + (zp == null ? 0 : zp.getLong(zi[i])), out);
    }
    return List.of(Tensor.ofLongs(out, x.shape(), y));
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.BoundaryLowering.quantize(ctx);
  }
}
