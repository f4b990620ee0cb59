package dev.tenax.passes;

import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the integer-accumulator ops that ONNX Runtime's quantizers emit into the canonical
 * QDQ form. The one pattern recognized is
 * <pre>
 *   ConvInteger(x, w, x_zp?, w_zp?) -> Cast(to=float) -> Mul(s)      (either Mul operand order)
 *   MatMulInteger(a, b, a_zp?, b_zp?) -> Cast(to=float) -> Mul(s)
 * </pre>
 * where s is a compile-time float32 constant, per tensor or per output channel (Conv: along
 * axis 1 of the output; MatMul: along its last axis), the zero points are constants, x's (a's)
 * zero point is per tensor, and the int32 result and the Cast are read only by the next node.
 * It becomes {@code Conv(DequantizeLinear(x, 1, x_zp), DequantizeLinear(w, s, w_zp))} (MatMul
 * likewise): the whole scale goes to the weights, where a per-channel scale belongs.
 * The result equals {@code s * acc} within float32 rounding (the float Conv rounds each
 * product and sum, the original only the final product).
 *
 * <p>Everything else stays and runs in the float path: an integer op read by anything but
 * Cast-then-Mul, a scale known only at run time (ONNX Runtime's dynamic quantization computes
 * it with DynamicQuantizeLinear, so its models keep their ConvInteger/MatMulInteger), per-row
 * zero points of a, and per-channel weights in models importing opset 12 or older.
 */
public final class NormalizeIntegerOps implements Pass {
  @Override
  public String name() {
    return "normalize-integer-ops";
  }

  @Override
  public Graph apply(Graph g) {
    QdqRewrite r = new QdqRewrite(g);
    List<Node> nodes = new ArrayList<>();
    Set<Node> absorbed = new HashSet<>();
    for (Node n : g.nodes()) {
      List<Node> replaced = null;
      if (n.domain().isEmpty() && (n.opType().equals("ConvInteger") || n.opType().equals("MatMulInteger"))) {
        replaced = rewrite(r, n, absorbed);
      }
      nodes.addAll(replaced == null ? List.of(n) : replaced);
    }
    if (absorbed.isEmpty()) {
      return g;
    }
    nodes.removeAll(absorbed);
    return r.rebuild(nodes);
  }

  /** The replacement of integer op {@code n}, adding the Cast and Mul it absorbs; null when no match. */
  private static List<Node> rewrite(QdqRewrite r, Node n, Set<Node> absorbed) {
    Graph g = r.graph();
    Node cast = soleReader(g, n.output(0), "Cast");
    if (cast == null || new Attrs(cast).getInt("to", 0) != DType.FLOAT32.onnxCode()) {
      return null;
    }
    Node mul = soleReader(g, cast.output(0), "Mul");
    if (mul == null || mul.input(0).equals(mul.input(1))) {
      return null;
    }
    Tensor s = r.known(mul.input(mul.input(0).equals(cast.output(0)) ? 1 : 0));
    int[] outShape = g.type(n.output(0)).shape();
    if (s == null || s.dtype() != DType.FLOAT32 || !Arrays.equals(g.type(mul.output(0)).shape(), outShape)) {
      return null;
    }
    boolean conv = n.opType().equals("ConvInteger");
    TensorType w = g.type(n.input(1));
    int wAxis = conv ? 0 : w.rank() - 1;
    int outAxis = conv ? 1 : outShape.length - 1;
    int sAxis = scaleAxis(s.shape(), outShape);
    Tensor xzp = r.known(n.input(2));
    Tensor wzp = n.hasInput(3) ? r.known(n.input(3)) : Tensor.scalar(w.dtype(), 0);
    if (sAxis == -2 || sAxis >= 0 && (sAxis != outAxis || w.rank() < 2) || !r.knownOrAbsent(n.input(2))
        || n.hasInput(2) && !QdqRewrite.isSingle(xzp) || wzp == null) {
      return null;
    }
    boolean perAxis = sAxis >= 0 || wzp.size() > 1;
    if (perAxis && r.opset() < 13) {
      return null; // DequantizeLinear has no axis before opset 13.
    }
    String name = n.name();
    String wScale;
    String wZero;
    if (perAxis) {
      int channels = w.dim(wAxis);
      wScale = r.constant(name + "/w_scale", QdqRewrite.vector(s, channels));
      wZero = r.constant(name + "/w_zero_point", QdqRewrite.vector(wzp, channels));
    } else {
      wScale = r.constant(name + "/w_scale", Tensor.scalar(s.getFloat(0)));
      wZero = n.hasInput(3) ? n.input(3) : r.constant(name + "/w_zero_point", wzp);
    }
    TensorType x = g.type(n.input(0));
    String xZero = n.hasInput(2) ? n.input(2) : r.constant(name + "/x_zero_point", Tensor.scalar(x.dtype(), 0));
    String xf = r.fresh(name + "/x");
    String wf = r.fresh(name + "/w");
    absorbed.add(cast);
    absorbed.add(mul);
    return List.of(
        r.dequantize(name + "/dequantize_x", n.input(0), r.constant(name + "/x_scale", Tensor.scalar(1f)), xZero,
            xf, 1),
        r.dequantize(name + "/dequantize_w", n.input(1), wScale, wZero, wf, wAxis),
        new Node(name, conv ? "Conv" : "MatMul", "", r.opset(), List.of(xf, wf), List.of(mul.output(0)),
            conv ? n.attributes() : Map.of(), n.annotations()));
  }

  /** The only reader of {@code value} when it has type {@code opType} and the value is no graph output. */
  private static Node soleReader(Graph g, String value, String opType) {
    List<Node> readers = g.consumers(value);
    if (g.outputs().contains(value) || readers.size() != 1) {
      return null;
    }
    Node reader = readers.get(0);
    return reader.opType().equals(opType) && reader.domain().isEmpty() ? reader : null;
  }

  /**
   * The output axis along which a scale of shape {@code scale} (broadcast against
   * {@code out}) varies: -1 when it is one value, -2 when it varies along several axes or
   * would broadcast the output to a larger shape.
   */
  static int scaleAxis(int[] scale, int[] out) {
    if (scale.length > out.length) {
      return Arrays.stream(scale).allMatch(d -> d == 1) ? -1 : -2;
    }
    int axis = -1;
    for (int i = 0; i < scale.length; i++) {
      if (scale[i] != 1) {
        int o = out.length - scale.length + i;
        if (axis != -1 || scale[i] != out[o]) {
          return -2;
        }
        axis = o;
      }
    }
    return axis;
  }
}
