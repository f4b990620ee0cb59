package dev.tenax.ops.quant;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.OpException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rounding, saturation and type rules shared by the ONNX quantization operators. Rounding is
 * always to nearest with ties to even ({@link Math#rint}), as the ONNX spec and its numpy
 * reference ({@code np.rint}) do.
 */
final class QuantMath {
  /** Integer types a QuantizeLinear output (and a zero point) may have. */
  static final Set<DType> QUANT_TYPES = Set.of(DType.UINT8, DType.INT8, DType.UINT16, DType.INT16);

  /** The 8-bit types of QLinearConv, QLinearMatMul, ConvInteger and MatMulInteger operands. */
  static final Set<DType> BYTE_TYPES = Set.of(DType.UINT8, DType.INT8);

  /** ONNX element type codes of float8, 4-bit and 2-bit types, which Tenax cannot hold. */
  private static final Set<Integer> NARROW_TYPE_CODES = Set.of(17, 18, 19, 20, 21, 22, 23, 24, 25, 26);

  private QuantMath() {}

  /**
   * Rounds half to even and clamps into {@code type}. NaN has no integer value; ONNX leaves
   * it undefined and Tenax maps it to 0 so that Java and C agree.
   */
  static long roundSaturate(double v, DType type) {
    if (Double.isNaN(v)) {
      return type.saturate(0);
    }
    double r = Math.rint(v);
    return (long) Math.max(type.min(), Math.min(type.max(), r));
  }

  /**
   * The float32 requantization factor {@code a * b / y} of QLinearConv and QLinearMatMul,
   * rounded after each operation exactly as the ONNX reference evaluates it in float32.
   */
  static float ratio(float a, float b, float y) {
    float ab = a * b;
    return ab / y;
  }

  /** An element type given as an ONNX code in attribute {@code name}; 0 means "not given". */
  static DType attributeType(String name, long code, Set<DType> allowed) {
    DType t = DType.fromOnnx((int) code).orElse(null);
    if (t != null && allowed.contains(t)) {
      return t;
    }
    String typeName = DType.onnxTypeName((int) code);
    if (NARROW_TYPE_CODES.contains((int) code) || code == 10 || code == 11 || code == 16) {
      throw new OpException(Code.TX020, name + "=" + code + " asks for " + typeName
          + ", an element type Tenax does not compute with", "use one of " + names(allowed));
    }
    throw new OpException(Code.TX040, name + "=" + code + " (" + typeName + ") is not allowed here",
        "use one of " + names(allowed));
  }

  /** Checks that input {@code what} has one of the {@code allowed} element types. */
  static void requireType(String what, TensorType t, Set<DType> allowed) {
    if (!allowed.contains(t.dtype())) {
      throw new OpException(Code.TX050, what + " has element type " + t.dtype() + ", expected one of "
          + names(allowed));
    }
  }

  /** Checks that a zero point has the element type of the tensor it belongs to. */
  static void requireSameType(String what, TensorType t, DType type) {
    if (t.dtype() != type) {
      throw new OpException(Code.TX050, what + " has element type " + t.dtype()
          + " but the tensor it belongs to has " + type + "; they must match");
    }
  }

  /** The types in enum order, so that messages do not depend on set iteration order. */
  static String names(Set<DType> types) {
    return types.stream().sorted().map(DType::toString).collect(Collectors.joining(", "));
  }

  /** Checks that a scale or zero point holds exactly one element (per-tensor quantization). */
  static void requireScalar(String what, TensorType t) {
    if (t.size() != 1) {
      throw new OpException(Code.TX050, what + " must be a scalar (per-tensor) but has shape "
          + dev.tenax.ir.Shapes.format(t.shape()));
    }
  }
}
