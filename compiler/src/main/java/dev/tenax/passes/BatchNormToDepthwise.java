package dev.tenax.passes;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.Value;
import dev.tenax.ops.Attrs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BatchNormalization that no Conv or Gemm absorbed (it follows a Relu or a pooling, say) on an
 * NCHW tensor becomes the 1x1 depthwise convolution it is: weight {@code s[c] = scale / sqrt(var
 * + eps)} and bias {@code B - mean * s[c]}. Float results are those of the folded form; the
 * quantizer and the int8 kernels then treat it like any depthwise convolution.
 */
public final class BatchNormToDepthwise implements Pass {
  @Override
  public String name() {
    return "batchnorm-to-depthwise";
  }

  @Override
  public Graph apply(Graph g) {
    List<Node> nodes = new ArrayList<>(g.nodes());
    List<Value> constants = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < nodes.size(); i++) {
      Node bn = nodes.get(i);
      if (!bn.opType().equals("BatchNormalization") || !bn.domain().isEmpty()
          || g.type(bn.input(0)).rank() != 4 || !g.type(bn.input(0)).dtype().isFloat()
          || bn.outputs().stream().skip(1).anyMatch(o -> !o.isEmpty()) || !constantStatistics(g, bn)) {
        continue;
      }
      int c = g.type(bn.input(0)).dim(1);
      float eps = new Attrs(bn).getFloat("epsilon", 1e-5f);
      float[] w = new float[c];
      float[] b = new float[c];
      Tensor scale = g.value(bn.input(1)).constant();
      Tensor bias = g.value(bn.input(2)).constant();
      Tensor mean = g.value(bn.input(3)).constant();
      Tensor var = g.value(bn.input(4)).constant();
      for (int k = 0; k < c; k++) {
        double s = scale.getDouble(k) / Math.sqrt(var.getDouble(k) + eps);
        w[k] = (float) s;
        b[k] = (float) (bias.getDouble(k) - mean.getDouble(k) * s);
      }
      String wName = bn.name() + "/depthwise_weight";
      String bName = bn.name() + "/depthwise_bias";
      constants.add(Value.constant(wName, Tensor.ofFloats(new int[] {c, 1, 1, 1}, w)));
      constants.add(Value.constant(bName, Tensor.ofFloats(new int[] {c}, b)));
      Map<String, Attribute> attrs = new LinkedHashMap<>();
      attrs.put("group", Attribute.ofInt(c));
      attrs.put("kernel_shape", Attribute.ofInts(new long[] {1, 1}));
      nodes.set(i, new Node(bn.name(), "Conv", "", bn.opset(), List.of(bn.input(0), wName, bName),
          List.of(bn.output(0)), attrs, bn.annotations()));
      changed = true;
    }
    return changed ? Retype.rebuild(g, nodes, constants) : g;
  }

  private static boolean constantStatistics(Graph g, Node bn) {
    for (int i = 1; i < 5; i++) {
      if (!bn.hasInput(i) || !g.value(bn.input(i)).isConstant()
          || !g.value(bn.input(i)).type().dtype().isFloat()) {
        return false;
      }
    }
    return true;
  }
}
