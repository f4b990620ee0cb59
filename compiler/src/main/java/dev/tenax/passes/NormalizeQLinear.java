package dev.tenax.passes;

import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites QLinearConv and QLinearMatMul into the canonical QDQ form that the lowering reads:
 * {@code DequantizeLinear} of each operand, the float Conv or MatMul, and a
 * {@code QuantizeLinear} with the output's scale and zero point. QLinearConv's int32 bias
 * becomes {@code DequantizeLinear(B, x_scale * w_scale, 0)}, which is what it adds to the
 * accumulator. Omitted zero points become explicit zeros.
 *
 * <p>The float form rounds once per product and sum where the integer op rounds only at
 * requantization, so the two can differ by one step when the real result lies within float32
 * rounding of a half step; with power-of-two scales both are exact and agree bit for bit.
 *
 * <p>A node stays as it is (and runs in the float path) when a scale or zero point is not a
 * compile-time constant, when per-channel weights would need a per-axis DequantizeLinear in a
 * model importing opset 12 or older, or when QLinearMatMul's a has per-row parameters (which
 * DequantizeLinear cannot express).
 */
public final class NormalizeQLinear implements Pass {
  @Override
  public String name() {
    return "normalize-qlinear";
  }

  @Override
  public Graph apply(Graph g) {
    QdqRewrite r = new QdqRewrite(g);
    List<Node> nodes = new ArrayList<>();
    boolean changed = false;
    for (Node n : g.nodes()) {
      List<Node> replaced = null;
      if (n.domain().isEmpty() && n.opType().equals("QLinearConv")) {
        replaced = conv(r, n);
      } else if (n.domain().isEmpty() && n.opType().equals("QLinearMatMul")) {
        replaced = matMul(r, n);
      }
      nodes.addAll(replaced == null ? List.of(n) : replaced);
      changed |= replaced != null;
    }
    return changed ? r.rebuild(nodes) : g;
  }

  /** Inputs: x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale, y_zero_point, B. */
  private static List<Node> conv(QdqRewrite r, Node n) {
    Graph g = r.graph();
    Tensor ws = r.known(n.input(4));
    if (!QdqRewrite.isSingle(r.known(n.input(1))) || ws == null || !QdqRewrite.isSingle(r.known(n.input(6)))
        || !r.knownOrAbsent(n.input(2)) || !r.knownOrAbsent(n.input(5)) || !r.knownOrAbsent(n.input(7))) {
      return null;
    }
    TensorType x = g.type(n.input(0));
    TensorType w = g.type(n.input(3));
    int m = w.dim(0);
    String name = n.name();
    Weights wq = weights(r, n, w, m, 0);
    if (wq == null) {
      return null;
    }
    List<Node> out = new ArrayList<>();
    String xf = r.fresh(name + "/x");
    out.add(r.dequantize(name + "/dequantize_x", n.input(0), n.input(1), zeroPoint(r, n, 2, x.dtype(), "x"), xf, 1));
    String wf = r.fresh(name + "/w");
    out.add(r.dequantize(name + "/dequantize_w", n.input(3), wq.scale, wq.zeroPoint, wf, 0));
    List<String> convInputs = new ArrayList<>(List.of(xf, wf));
    if (n.hasInput(8)) {
      float xs = r.known(n.input(1)).getFloat(0);
      boolean perChannel = ws.size() > 1;
      int k = perChannel ? m : 1;
      float[] scale = new float[k];
      for (int c = 0; c < k; c++) {
        scale[c] = xs * ws.getFloat(c);
      }
      int[] shape = perChannel ? new int[] {m} : new int[0];
      String bs = r.constant(name + "/B_scale", Tensor.ofFloats(shape, scale));
      String bz = r.constant(name + "/B_zero_point", Tensor.zeros(DType.INT32, shape));
      String bf = r.fresh(name + "/B");
      out.add(r.dequantize(name + "/dequantize_B", n.input(8), bs, bz, bf, 0));
      convInputs.add(bf);
    }
    String yf = r.fresh(name + "/y");
    out.add(new Node(name, "Conv", "", r.opset(), convInputs, List.of(yf), n.attributes(), n.annotations()));
    out.add(r.quantize(name + "/quantize_y", yf, n.input(6), zeroPoint(r, n, 7, x.dtype(), "y"), n.output(0)));
    return out;
  }

  /** Inputs: a, a_scale, a_zero_point, b, b_scale, b_zero_point, y_scale, y_zero_point. */
  private static List<Node> matMul(QdqRewrite r, Node n) {
    Graph g = r.graph();
    Tensor azp = r.known(n.input(2));
    if (!QdqRewrite.isSingle(r.known(n.input(1))) || r.known(n.input(4)) == null
        || !QdqRewrite.isSingle(r.known(n.input(6))) || !r.knownOrAbsent(n.input(2))
        || n.hasInput(2) && !QdqRewrite.isSingle(azp) || !r.knownOrAbsent(n.input(5))
        || !r.knownOrAbsent(n.input(7))) {
      return null;
    }
    TensorType a = g.type(n.input(0));
    TensorType b = g.type(n.input(3));
    int axis = Math.max(0, b.rank() - 1);
    Weights bq = weights(r, n, b, b.dim(axis), axis);
    if (bq == null) {
      return null;
    }
    String name = n.name();
    String af = r.fresh(name + "/a");
    String bf = r.fresh(name + "/b");
    String yf = r.fresh(name + "/y");
    return List.of(
        r.dequantize(name + "/dequantize_a", n.input(0), n.input(1), zeroPoint(r, n, 2, a.dtype(), "a"), af, 1),
        r.dequantize(name + "/dequantize_b", n.input(3), bq.scale, bq.zeroPoint, bf, axis),
        new Node(name, "MatMul", "", r.opset(), List.of(af, bf), List.of(yf), Map.of(), n.annotations()),
        r.quantize(name + "/quantize_y", yf, n.input(6), zeroPoint(r, n, 7, a.dtype(), "y"), n.output(0)));
  }

  /** Scale and zero point names for the weight operand (inputs 4 and 5). */
  private record Weights(String scale, String zeroPoint) {}

  /**
   * The weight operand's parameters, per tensor or as two 1-D tensors of {@code channels}
   * elements along {@code axis}; null when per-axis parameters need a newer opset.
   */
  private static Weights weights(QdqRewrite r, Node n, TensorType w, int channels, int axis) {
    Tensor scale = r.known(n.input(4));
    Tensor zero = n.hasInput(5) ? r.known(n.input(5)) : Tensor.scalar(w.dtype(), 0);
    if (scale.size() == 1 && zero.size() == 1) {
      return new Weights(n.input(4), n.hasInput(5) ? n.input(5)
          : r.constant(n.name() + "/w_zero_point", zero));
    }
    if (r.opset() < 13 || w.rank() == 0) {
      return null; // DequantizeLinear has no axis before opset 13.
    }
    return new Weights(r.constant(n.name() + "/w_scale", QdqRewrite.vector(scale, channels)),
        r.constant(n.name() + "/w_zero_point", QdqRewrite.vector(zero, channels)));
  }

  /** Input {@code i} when present, else a new zero of {@code dtype} (the op's default). */
  private static String zeroPoint(QdqRewrite r, Node n, int i, DType dtype, String operand) {
    return n.hasInput(i) ? n.input(i)
        : r.constant(n.name() + "/" + operand + "_zero_point", Tensor.scalar(dtype, 0));
  }
}
