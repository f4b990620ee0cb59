package dev.tenax.ops.tensor;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * Constant: a tensor given by exactly one attribute: {@code value} (any opset), or from opset
 * 12 {@code value_float(s)} / {@code value_int(s)}. Sparse and string constants cannot be
 * computed with, so they are reported as unsupported.
 */
public final class Constant implements Operator {
  private static final List<String> VALUE_ATTRS = List.of("value", "value_float", "value_floats",
      "value_int", "value_ints", "value_string", "value_strings", "sparse_value");

  @Override
  public String opType() {
    return "Constant";
  }

  static Tensor value(Attrs attrs) {
    List<String> given = new ArrayList<>();
    for (String a : VALUE_ATTRS) {
      if (attrs.has(a)) {
        given.add(a);
      }
    }
    if (given.size() != 1) {
      throw new OpException(given.isEmpty() ? Code.TX041 : Code.TX050,
          "Constant needs exactly one of " + String.join(", ", VALUE_ATTRS) + "; got "
              + (given.isEmpty() ? "none" : String.join(", ", given)));
    }
    String a = given.get(0);
    switch (a) {
      case "value":
        return attrs.getTensor("value");
      case "value_float":
        return Tensor.scalar(attrs.getFloat(a, 0f));
      case "value_floats": {
        float[] f = attrs.getFloats(a, null);
        return Tensor.ofFloats(new int[] {f.length}, f);
      }
      case "value_int":
        return Tensor.scalar(DType.INT64, attrs.getInt(a, 0));
      case "value_ints":
        return Tensor.vector(DType.INT64, attrs.getInts(a, null));
      default:
        throw new OpException(Code.TX040, "Constant with attribute " + a + " is not supported",
            "Tenax computes with dense numeric tensors only; store the constant as a dense tensor");
    }
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    Tensor v = value(ctx.attrs());
    ctx.setKnownOutput(0, v);
    return List.of(v.type());
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    return List.of(value(ctx.attrs()));
  }
}
