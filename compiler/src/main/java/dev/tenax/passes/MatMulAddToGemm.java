package dev.tenax.passes;

import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Add(MatMul(A, B), C)} with a 2-D A, a constant 2-D B and a constant bias C of N values
 * (shape [N], [1, N] or a scalar) is {@code Gemm(A, B, C)}: TensorFlow and Keras exports write a
 * dense layer that way, and one Gemm is one fully-connected kernel with its bias instead of a
 * matrix product followed by a broadcast addition.
 */
public final class MatMulAddToGemm implements Pass {
  @Override
  public String name() {
    return "matmul-add-to-gemm";
  }

  @Override
  public Graph apply(Graph g) {
    List<Node> nodes = new ArrayList<>(g.nodes());
    List<Value> constants = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < nodes.size(); i++) {
      Node mm = nodes.get(i);
      if (!mm.opType().equals("MatMul") || !mm.domain().isEmpty() || !constantMatrix(g, mm.input(1))
          || g.type(mm.input(0)).rank() != 2 || g.outputs().contains(mm.output(0))
          || g.consumers(mm.output(0)).size() != 1) {
        continue;
      }
      Node add = g.consumers(mm.output(0)).get(0);
      if (!add.opType().equals("Add") || !add.domain().isEmpty()) {
        continue;
      }
      String other = add.input(0).equals(mm.output(0)) ? add.input(1) : add.input(0);
      int n = g.type(mm.input(1)).dim(1);
      Tensor bias = biasVector(g, other, n);
      if (bias == null || add.input(0).equals(add.input(1))) {
        continue;
      }
      String biasName = mm.name() + "/gemm_bias";
      constants.add(Value.constant(biasName, bias));
      Node gemm = new Node(mm.name(), "Gemm", "", mm.opset(), List.of(mm.input(0), mm.input(1), biasName),
          List.of(add.output(0)), Map.of(), mm.annotations());
      nodes.set(i, gemm);
      nodes.remove(add);
      changed = true;
    }
    return changed ? Retype.rebuild(g, nodes, constants) : g;
  }

  private static boolean constantMatrix(Graph g, String name) {
    Value v = g.value(name);
    return v.isConstant() && v.type().rank() == 2 && v.type().dtype().isFloat();
  }

  /** The bias as a float vector of n values, or null when it has another shape. */
  private static Tensor biasVector(Graph g, String name, int n) {
    Value v = g.value(name);
    if (!v.isConstant() || !v.type().dtype().isFloat()) {
      return null;
    }
    Tensor t = v.constant();
    boolean row = t.size() == n && (t.rank() == 1 || (t.rank() == 2 && t.dim(0) == 1));
    if (!row && t.size() != 1) {
      return null;
    }
    float[] b = new float[n];
    for (int j = 0; j < n; j++) {
      b[j] = t.getFloat(row ? j : 0);
    }
    return Tensor.ofFloats(new int[] {n}, b);
  }
}
