package dev.tenax.quantizer;

import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.Value;
import dev.tenax.ops.Attrs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which operators run quantized, how their output is quantized, and which inputs carry activations. */
final class OpRules {
  /** How an op's output quantization is chosen. */
  enum Kind {
    /** Conv, Gemm, MatMul: a constant weight (per-channel int8) and maybe a bias (int32). */
    WEIGHTED,
    /** Output range from calibration (Add, Mul, average pooling, Relu/Clip). */
    OWN_RANGE,
    /** Moves or selects values: the output keeps the input's scale and zero point. */
    SHAPE,
    /** All inputs share the output's scale and zero point (TFLite's Concat). */
    CONCAT,
    /** Fixed output quantization, independent of calibration. */
    FIXED
  }

  private static final Map<String, Kind> KINDS = Map.ofEntries(
      Map.entry("Conv", Kind.WEIGHTED), Map.entry("Gemm", Kind.WEIGHTED), Map.entry("MatMul", Kind.WEIGHTED),
      Map.entry("Add", Kind.OWN_RANGE), Map.entry("Mul", Kind.OWN_RANGE),
      Map.entry("AveragePool", Kind.OWN_RANGE), Map.entry("GlobalAveragePool", Kind.OWN_RANGE),
      Map.entry("Relu", Kind.OWN_RANGE), Map.entry("Clip", Kind.OWN_RANGE),
      Map.entry("MaxPool", Kind.SHAPE), Map.entry("Pad", Kind.SHAPE), Map.entry("Transpose", Kind.SHAPE),
      Map.entry("Reshape", Kind.SHAPE), Map.entry("Flatten", Kind.SHAPE), Map.entry("Squeeze", Kind.SHAPE),
      Map.entry("Unsqueeze", Kind.SHAPE), Map.entry("Resize", Kind.SHAPE),
      Map.entry("Concat", Kind.CONCAT),
      Map.entry("Softmax", Kind.FIXED), Map.entry("Sigmoid", Kind.FIXED), Map.entry("Tanh", Kind.FIXED));

  private OpRules() {}

  static Kind kind(Node n) {
    return KINDS.get(n.opType());
  }

  /** Input positions that carry activations (the rest are weights, shapes, bounds...). */
  static List<Integer> dataInputs(Node n) {
    List<Integer> idx = new ArrayList<>();
    String op = n.opType();
    int count = op.equals("Concat") ? n.inputs().size() : op.equals("Add") || op.equals("Mul") ? 2 : 1;
    for (int i = 0; i < count; i++) {
      if (n.hasInput(i)) {
        idx.add(i);
      }
    }
    return idx;
  }

  /** The fixed output quantization of a FIXED op (TFLite's, for int8 and for int16). */
  static QuantParams fixedParams(Node n, QuantMode mode) {
    if (mode == QuantMode.INT16X8) {
      return QuantParams.INT16_UNIT;
    }
    return n.opType().equals("Tanh") ? QuantParams.SIGNED_UNIT : QuantParams.UNIT_INTERVAL;
  }

  /** Whether {@code n} can run quantized here; everything else becomes a float island. */
  static boolean quantizable(Graph g, Node n) {
    Kind kind = kind(n);
    if (kind == null || !n.domain().isEmpty() || n.outputs().stream().filter(o -> !o.isEmpty()).count() != 1
        || g.type(n.output(0)).dtype() != DType.FLOAT32) {
      return false;
    }
    boolean constantOk = kind == Kind.CONCAT || n.opType().equals("Add") || n.opType().equals("Mul");
    boolean anyActivation = false;
    for (int i : dataInputs(n)) {
      Value v = g.value(n.input(i));
      if (v.type().dtype() != DType.FLOAT32 || (v.isConstant() && !constantOk)) {
        return false;
      }
      anyActivation |= !v.isConstant();
    }
    if (!anyActivation) {
      return false;
    }
    Attrs a = new Attrs(n);
    switch (n.opType()) {
      case "Conv":
        return constantFloat(g, n, 1, -1) && (!n.hasInput(2) || constantFloat(g, n, 2, 1));
      case "MatMul":
        return constantFloat(g, n, 1, 2) && g.type(n.input(0)).rank() >= 2;
      case "Gemm": {
        if (a.getInt("transA", 0) != 0 || a.getFloat("alpha", 1f) != 1f || !constantFloat(g, n, 1, 2)) {
          return false;
        }
        if (!n.hasInput(2)) {
          return true;
        }
        int outChannels = g.type(n.output(0)).dim(1);
        return a.getFloat("beta", 1f) == 1f && constantFloat(g, n, 2, -1)
            && g.type(n.input(2)).size() == outChannels && g.type(n.input(2)).dim(g.type(n.input(2)).rank() - 1)
            == outChannels;
      }
      case "Pad":
        if (!a.getString("mode", "constant").equals("constant")) {
          return false;
        }
        if (n.hasInput(2)) {
          Tensor c = g.value(n.input(2)).constant();
          return c != null && c.getDouble(0) == 0;
        }
        return true;
      case "Resize":
        return a.getString("mode", "nearest").equals("nearest");
      default:
        return true;
    }
  }

  private static boolean constantFloat(Graph g, Node n, int i, int rank) {
    Value v = g.value(n.input(i));
    return v.isConstant() && v.type().dtype() == DType.FLOAT32 && (rank < 0 || v.type().rank() == rank);
  }

  /** The weight axis that indexes output channels. */
  static int weightAxis(Node n) {
    switch (n.opType()) {
      case "Conv": return 0;
      case "Gemm": return new Attrs(n).getInt("transB", 0) != 0 ? 0 : 1;
      default: return 1;
    }
  }
}
