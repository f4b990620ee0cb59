package dev.tenax.ops.tensor;

import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Split: cuts a tensor into consecutive parts along an axis. The part lengths come from the
 * {@code split} input (opset 1 and 13+) or attribute (opset 1..12), from {@code num_outputs}
 * (opset 18, last part may be shorter), or else equal parts, one per output.
 */
public final class Split implements Operator {
  @Override
  public String opType() {
    return "Split";
  }

  /** Axis and part lengths. */
  private record Plan(int axis, int[] lengths) {}

  private static Plan plan(NodeView n) {
    TensorType x = n.type(0);
    if (x.rank() == 0) {
      throw Operands.bad("Split needs an input of rank 1 or more");
    }
    int axis = Operands.axis(n.attrs().getInt("axis", 0), x.rank(), "axis");
    int dim = x.dim(axis);
    int parts = n.outputCount();
    long[] split = null;
    boolean splitInput = n.opset() >= 13 || n.opset() == 1;
    if (splitInput && n.has(1)) {
      split = Operands.ints(n.operand(1, "split"), "split");
    } else if (n.opset() < 13 && n.attrs().has("split")) {
      split = n.attrs().getInts("split", null);
    }
    if (n.opset() >= 18 && n.attrs().has("num_outputs")) {
      if (split != null) {
        throw Operands.bad("give either the split input or the num_outputs attribute, not both");
      }
      long num = n.attrs().getInt("num_outputs", 0);
      if (num != parts) {
        throw Operands.bad("num_outputs=" + num + " but the node has " + parts + " outputs");
      }
    }
    int[] lengths = new int[parts];
    if (split != null) {
      if (split.length != parts) {
        throw Operands.bad("split " + Arrays.toString(split) + " has " + split.length
            + " entries but the node has " + parts + " outputs");
      }
      long sum = 0;
      for (int i = 0; i < parts; i++) {
        lengths[i] = Operands.dim(split[i], "split length");
        sum += split[i];
      }
      if (sum != dim) {
        throw Operands.bad("split " + Arrays.toString(split) + " sums to " + sum + " but axis " + axis
            + " has length " + dim);
      }
    } else if (n.opset() >= 18) {
      // ceil-sized chunks with a shorter last one, as opset 18 defines for num_outputs
      int chunk = (dim + parts - 1) / parts;
      int last = dim - chunk * (parts - 1);
      if (last < 0 || (last == 0 && dim > 0)) {
        throw Operands.bad("axis " + axis + " of length " + dim + " cannot be split into " + parts
            + " parts of length " + chunk);
      }
      Arrays.fill(lengths, chunk);
      lengths[parts - 1] = last;
    } else {
      if (dim % parts != 0) {
        throw Operands.bad("axis " + axis + " of length " + dim + " cannot be split into " + parts
            + " equal parts; give split lengths");
      }
      Arrays.fill(lengths, dim / parts);
    }
    return new Plan(axis, lengths);
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    Plan p = plan(NodeView.of(ctx));
    TensorType x = ctx.type(0);
    List<TensorType> out = new ArrayList<>();
    for (int len : p.lengths()) {
      int[] s = x.shape();
      s[p.axis()] = len;
      out.add(x.withShape(s));
    }
    return out;
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Plan p = plan(NodeView.of(ctx));
    Tensor x = ctx.input(0);
    int[] shape = x.shape();
    List<Tensor> out = new ArrayList<>();
    int start = 0;
    for (int len : p.lengths()) {
      int[][] coords = new int[shape.length][];
      for (int d = 0; d < shape.length; d++) {
        coords[d] = d == p.axis() ? IndexMaps.strided(start, 1, len) : IndexMaps.identity(shape[d]);
      }
      int[] s = shape.clone();
      s[p.axis()] = len;
      out.add(Elements.take(x, s, IndexMaps.separable(shape, coords)));
      start += len;
    }
    return out;
  }
}
