package dev.tenax.passes;

import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.Value;
import dev.tenax.ops.Attrs;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds an inference-mode BatchNormalization into the Conv, Gemm or 2-D MatMul that feeds it
 * (a MatMul becomes a Gemm, which then carries the bias): with
 * s = scale / sqrt(var + eps), the weights of output channel c are multiplied by s[c] and the
 * bias becomes (bias - mean) * s + B. Applies only when the producer's weights and bias and
 * all BatchNormalization statistics are constants and the BatchNormalization is the
 * producer's only reader; any other BatchNormalization stays and is evaluated as is.
 */
public final class FoldBatchNorm implements Pass {
  @Override
  public String name() {
    return "fold-batchnorm";
  }

  @Override
  public Graph apply(Graph g) {
    List<Node> nodes = new ArrayList<>(g.nodes());
    List<Value> constants = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < nodes.size(); i++) {
      Node bn = nodes.get(i);
      if (!bn.opType().equals("BatchNormalization") || !bn.domain().isEmpty() || bn.outputs().size() > 1
          && bn.outputs().subList(1, bn.outputs().size()).stream().anyMatch(o -> !o.isEmpty())) {
        continue;
      }
      String x = bn.input(0);
      Node producer = g.producer(x).orElse(null);
      int pi = producer == null ? -1 : nodes.indexOf(producer);
      if (pi < 0 || g.outputs().contains(x) || g.consumers(x).size() != 1 || !allConstant(g, bn, 1, 5)) {
        continue;
      }
      float[] s = new float[g.value(bn.input(1)).constant().size()];
      float[] shift = new float[s.length];
      statistics(g, bn, s, shift);
      Node folded = null;
      if (producer.opType().equals("Conv") && isFoldableConv(g, producer)) {
        folded = foldConv(g, producer, s, shift, constants);
      } else if (producer.opType().equals("Gemm") && isFoldableGemm(g, producer)) {
        folded = foldGemm(g, producer, s, shift, constants);
      } else if (producer.opType().equals("MatMul") && isFoldableMatMul(g, producer)) {
        folded = foldGemm(g, asGemm(producer), s, shift, constants);
      }
      if (folded == null) {
        continue;
      }
      nodes.set(pi, folded.withOutputs(List.of(bn.output(0))));
      nodes.remove(i);
      i--;
      changed = true;
    }
    return changed ? Retype.rebuild(g, nodes, constants) : g;
  }

  /** s = scale / sqrt(var + eps); shift = B - mean * s. */
  private static void statistics(Graph g, Node bn, float[] s, float[] shift) {
    float eps = new Attrs(bn).getFloat("epsilon", 1e-5f);
    Tensor scale = g.value(bn.input(1)).constant();
    Tensor bias = g.value(bn.input(2)).constant();
    Tensor mean = g.value(bn.input(3)).constant();
    Tensor var = g.value(bn.input(4)).constant();
    for (int c = 0; c < s.length; c++) {
      double sc = scale.getDouble(c) / Math.sqrt(var.getDouble(c) + eps);
      s[c] = (float) sc;
      shift[c] = (float) (bias.getDouble(c) - mean.getDouble(c) * sc);
    }
  }

  private static boolean allConstant(Graph g, Node n, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!n.hasInput(i) || !g.value(n.input(i)).isConstant()
          || !g.value(n.input(i)).type().dtype().isFloat()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isFoldableConv(Graph g, Node conv) {
    return allConstant(g, conv, 1, 2) && (!conv.hasInput(2) || allConstant(g, conv, 2, 3));
  }

  private static boolean isFoldableGemm(Graph g, Node gemm) {
    return allConstant(g, gemm, 1, 2) && (!gemm.hasInput(2) || allConstant(g, gemm, 2, 3))
        && g.type(gemm.input(1)).rank() == 2;
  }

  /** A 2-D MatMul by a constant matrix (PyTorch's Linear without bias) is a Gemm without C. */
  private static boolean isFoldableMatMul(Graph g, Node matmul) {
    return allConstant(g, matmul, 1, 2) && g.type(matmul.input(1)).rank() == 2
        && g.type(matmul.input(0)).rank() == 2;
  }

  private static Node asGemm(Node matmul) {
    return new Node(matmul.name(), "Gemm", matmul.domain(), matmul.opset(), matmul.inputs(), matmul.outputs(),
        java.util.Map.of(), matmul.annotations());
  }

  private static Node foldConv(Graph g, Node conv, float[] s, float[] shift, List<Value> constants) {
    Tensor w = g.value(conv.input(1)).constant();
    int outChannels = w.dim(0);
    if (outChannels != s.length) {
      return null;
    }
    int per = w.size() / outChannels;
    float[] nw = w.floats().clone();
    for (int i = 0; i < nw.length; i++) {
      nw[i] *= s[i / per];
    }
    float[] nb = new float[outChannels];
    Tensor b = conv.hasInput(2) ? g.value(conv.input(2)).constant() : null;
    for (int c = 0; c < outChannels; c++) {
      nb[c] = (b == null ? 0f : b.getFloat(c)) * s[c] + shift[c];
    }
    String wName = conv.name() + "/bn_folded_weight";
    String bName = conv.name() + "/bn_folded_bias";
    constants.add(Value.constant(wName, Tensor.ofFloats(w.shape(), nw)));
    constants.add(Value.constant(bName, Tensor.ofFloats(new int[] {outChannels}, nb)));
    return conv.withInputs(List.of(conv.input(0), wName, bName));
  }

  private static Node foldGemm(Graph g, Node gemm, float[] s, float[] shift, List<Value> constants) {
    Attrs a = new Attrs(gemm);
    boolean transB = a.getInt("transB", 0) != 0;
    float beta = a.getFloat("beta", 1f);
    Tensor w = g.value(gemm.input(1)).constant();
    int n = transB ? w.dim(0) : w.dim(1);
    int k = transB ? w.dim(1) : w.dim(0);
    if (n != s.length) {
      return null;
    }
    float[] nw = w.floats().clone();
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < n; j++) {
        nw[transB ? j * k + i : i * n + j] *= s[j];
      }
    }
    // The new bias is (beta * C) * s + shift, broadcast over rows; C may be [N], [1,N], [M,N] or scalar.
    Tensor c = gemm.hasInput(2) ? g.value(gemm.input(2)).constant() : null;
    int[] cShape = c == null || c.rank() < 1 ? new int[] {n} : c.shape();
    if (cShape[cShape.length - 1] == 1 && n != 1) {
      cShape[cShape.length - 1] = n;
    }
    int size = dev.tenax.ir.Shapes.size(cShape);
    int[] src = c == null ? null : dev.tenax.ir.Shapes.broadcastIndex(c.shape(), cShape);
    float[] nc = new float[size];
    for (int i = 0; i < size; i++) {
      float cv = c == null ? 0f : beta * c.floats()[src[i]];
      nc[i] = cv * s[i % n] + shift[i % n];
    }
    String wName = gemm.name() + "/bn_folded_weight";
    String cName = gemm.name() + "/bn_folded_bias";
    constants.add(Value.constant(wName, Tensor.ofFloats(w.shape(), nw)));
    constants.add(Value.constant(cName, Tensor.ofFloats(cShape, nc)));
    var attrs = new java.util.LinkedHashMap<>(gemm.attributes());
    attrs.put("beta", dev.tenax.ir.Attribute.ofFloat(1f));
    return gemm.withInputs(List.of(gemm.input(0), wName, cName)).withAttributes(attrs);
  }
}
