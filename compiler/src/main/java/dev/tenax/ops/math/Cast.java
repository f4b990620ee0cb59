package dev.tenax.ops.math;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import java.util.List;
import java.util.Locale;

/**
 * Cast: converts to the element type {@code to} like numpy's astype: floats truncate toward
 * zero, integers wrap modulo 2^bits, and anything nonzero becomes true. Opset 1 named the
 * type with a string ("FLOAT"); from opset 6 it is the TensorProto code. {@code saturate}
 * (opset 19) only concerns float8 types, which Tenax does not have.
 */
public final class Cast implements Operator {
  @Override
  public String opType() {
    return "Cast";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    return List.of(ctx.type(0).withDType(target(ctx.node().attributes().get("to"))));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    return List.of(ctx.input(0).cast(ctx.outputType(0).dtype()));
  }

  private static DType target(Attribute to) {
    if (to == null) {
      throw new OpException(Code.TX041, "attribute 'to' is required");
    }
    if (to.kind() == Attribute.Kind.STRING) {
      String name = to.asString().toUpperCase(Locale.ROOT);
      String tenaxName = name.equals("FLOAT") ? "float32" : name.toLowerCase(Locale.ROOT);
      return DType.fromName(tenaxName).orElseThrow(() -> unsupported(name.toLowerCase(Locale.ROOT)));
    }
    int code = Math.toIntExact(to.asInt());
    return DType.fromOnnx(code).orElseThrow(() -> unsupported(DType.onnxTypeName(code)));
  }

  private static OpException unsupported(String type) {
    return new OpException(Code.TX020, "Cast to " + type + " is not supported",
        "Tenax computes with float32, int8/16/32/64, uint8/16/32 and bool");
  }
}
