package dev.tenax.passes;

import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves uint8 quantization to int8, which is all the CMSIS-NN scheme knows. Shifting both the
 * quantized values and the zero point by -128 changes no dequantized value:
 * (q - 128) - (zp - 128) = q - zp, and saturating to [0, 255] then shifting equals saturating
 * the shifted value to [-128, 127]. Two cases are rewritten:
 * <ul>
 *   <li>an activation: a uint8 {@code QuantizeLinear} whose output is read only by
 *       {@code DequantizeLinear} nodes (and is no graph output), all with constant zero
 *       points, gets int8 zero points zp - 128 on the QuantizeLinear and on every reader;</li>
 *   <li>a weight: {@code DequantizeLinear} of a constant uint8 tensor gets the constant w - 128
 *       and zero point zp - 128.</li>
 * </ul>
 * A uint8 weight whose zero point was not 128 keeps a nonzero int8 zero point; CMSIS-NN kernels
 * need weight zero point 0, so the lowering must send such a node to the float path (it sees
 * the zero point on the weight's DequantizeLinear).
 *
 * <p>TODO: a model whose interface is uint8 (uint8 graph inputs or outputs) keeps those
 * tensors, and so the QuantizeLinear/DequantizeLinear next to them, in uint8; the firmware API
 * would have to shift at its boundary.
 */
public final class NormalizeUint8 implements Pass {
  private static final long SHIFT = 128;

  @Override
  public String name() {
    return "normalize-uint8";
  }

  @Override
  public Graph apply(Graph g) {
    Shifter r = new Shifter(new QdqRewrite(g));
    Map<Node, Node> replaced = new HashMap<>();
    for (Node n : g.nodes()) {
      if (!n.domain().isEmpty()) {
        continue;
      }
      if (n.opType().equals("QuantizeLinear")) {
        activation(r, n, replaced);
      } else if (n.opType().equals("DequantizeLinear") && !replaced.containsKey(n)) {
        weight(r, n, replaced);
      }
    }
    if (replaced.isEmpty()) {
      return g;
    }
    List<Node> nodes = new ArrayList<>();
    for (Node n : g.nodes()) {
      nodes.add(replaced.getOrDefault(n, n));
    }
    return r.rewrite.rebuild(nodes);
  }

  private static void activation(Shifter r, Node q, Map<Node, Node> replaced) {
    Graph g = r.rewrite.graph();
    String out = q.output(0);
    List<Node> readers = g.consumers(out);
    if (g.type(out).dtype() != DType.UINT8 || g.outputs().contains(out) || readers.isEmpty()
        || !r.rewrite.knownOrAbsent(q.input(2))) {
      return;
    }
    for (Node dq : readers) {
      if (!dq.opType().equals("DequantizeLinear") || !dq.domain().isEmpty() || !dq.input(0).equals(out)
          || dq.inputs().lastIndexOf(out) != 0 || !r.rewrite.knownOrAbsent(dq.input(2))) {
        return;
      }
    }
    Node nq = r.withZeroPoint(q);
    var attrs = new LinkedHashMap<>(nq.attributes());
    if (attrs.remove("output_dtype") != null) {
      nq = nq.withAttributes(attrs);
    }
    replaced.put(q, nq);
    for (Node dq : readers) {
      replaced.put(dq, r.withZeroPoint(dq));
    }
  }

  private static void weight(Shifter r, Node dq, Map<Node, Node> replaced) {
    Tensor w = r.rewrite.known(dq.input(0));
    if (w == null || w.dtype() != DType.UINT8 || !r.rewrite.knownOrAbsent(dq.input(2))) {
      return;
    }
    Node shifted = r.withZeroPoint(dq);
    List<String> inputs = new ArrayList<>(shifted.inputs());
    inputs.set(0, r.shifted(dq.input(0), w));
    replaced.put(dq, shifted.withInputs(inputs));
  }

  /** Makes each shifted constant once, so a zero point shared by a Q and its DQs stays shared. */
  private static final class Shifter {
    final QdqRewrite rewrite;
    private final Map<String, String> done = new HashMap<>();

    Shifter(QdqRewrite rewrite) {
      this.rewrite = rewrite;
    }

    /** The name of the int8 constant {@code value} - 128, for the uint8 value named {@code name}. */
    String shifted(String name, Tensor value) {
      return done.computeIfAbsent(name, k -> rewrite.constant(k + "/s8", shift(value)));
    }

    /** {@code n} with its zero point (input 2, uint8, 0 when absent) replaced by an int8 zp - 128. */
    Node withZeroPoint(Node n) {
      String zp = n.input(2);
      // An absent zero point is 0 in the scale's shape, as ONNX wants them alike.
      String name = zp.isEmpty() ? rewrite.constant(n.name() + "/zero_point_s8",
          shift(Tensor.zeros(DType.UINT8, rewrite.graph().type(n.input(1)).shape())))
          : shifted(zp, rewrite.known(zp));
      List<String> inputs = new ArrayList<>(n.inputs());
      while (inputs.size() < 3) {
        inputs.add("");
      }
      inputs.set(2, name);
      return n.withInputs(inputs);
    }
  }

  private static Tensor shift(Tensor u8) {
    long[] v = u8.longs().clone();
    for (int i = 0; i < v.length; i++) {
      v[i] -= SHIFT;
    }
    return Tensor.ofLongs(DType.INT8, u8.shape(), v);
  }
}
