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
 * DequantizeLinear: y = (x - x_zero_point) * x_scale in float32. Opset 10 is per-tensor;
 * 13 adds per-axis scales (axis); 19 adds float8 inputs (not held by Tenax); 21 adds blocked
 * scales (block_size) and 16-bit and 4-bit inputs; 23 adds output_dtype. An int32 input (a
 * bias) has, by the spec, no zero point or a zero one.
 */
public final class DequantizeLinear implements Operator {
  private static final Set<DType> X_TYPES = Set.of(DType.UINT8, DType.INT8, DType.UINT16, DType.INT16,
      DType.INT32);

  @Override
  public String opType() {
    return "DequantizeLinear";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    TensorType scale = ctx.type(1);
    QuantMath.requireType("x", x, X_TYPES);
    QuantMath.requireType("x_scale", scale, Set.of(DType.FLOAT32));
    QuantLayout.of(ctx.attrs(), ctx.opset(), "x_scale", x, scale);
    if (ctx.has(2)) {
      TensorType zp = ctx.type(2);
      if (zp.dtype() != x.dtype()) {
        throw new OpException(Code.TX050, "x_zero_point has element type " + zp.dtype()
            + " but x has " + x.dtype() + "; they must match");
      }
      QuantLayout.of(ctx.attrs(), ctx.opset(), "x_zero_point", x, zp);
    }
    long code = ctx.attrs().getInt("output_dtype", 0);
    if (code != 0) {
      QuantMath.attributeType("output_dtype", code, Set.of(DType.FLOAT32));
    }
    return List.of(new TensorType(DType.FLOAT32, x.shape()));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    Tensor scale = ctx.input(1);
    Tensor zp = ctx.input(2);
    int[] si = QuantLayout.of(ctx.attrs(), ctx.opset(), "x_scale", x.type(), scale.type()).indexMap();
    int[] zi = zp == null ? null
        : QuantLayout.of(ctx.attrs(), ctx.opset(), "x_zero_point", x.type(), zp.type()).indexMap();
    long[] q = x.longs();
    float[] s = scale.floats();
    float[] y = new float[q.length];
    // The reference converts x to float32 first. Up to 16 bits the difference and product
    // are then exact float32 operations; an int32 x minus an int32 zero point is promoted to
    // float64 by numpy, so that case is computed in double and rounded once at the end.
    boolean wide = x.dtype() == DType.INT32 && zp != null;
    for (int i = 0; i < y.length; i++) {
      float xf = q[i];
      if (zp == null) {
        y[i] = xf * s[si[i]];
      } else if (wide) {
        y[i] = (float) (((double) xf - zp.longs()[zi[i]]) * s[si[i]]);
      } else {
        y[i] = (xf - zp.longs()[zi[i]]) * s[si[i]];
      }
    }
    return List.of(Tensor.ofFloats(x.shape(), y));
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.BoundaryLowering.dequantize(ctx);
  }
}
