package dev.tenax.ops.nn;

import dev.tenax.ir.Node;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * LayerNormalization: normalizes X over the trailing axes starting at {@code axis}, then
 * applies Scale and the optional B (both broadcast to X). Optional outputs Mean and
 * InvStdDev keep the leading axes and have size 1 on the normalized ones.
 * Statistics are always accumulated in double; stash_type only decides the stats' output
 * type, so float64 (11) is accepted when those outputs are omitted.
 */
public final class LayerNormalization implements Operator {
  private static final long STASH_FLOAT = 1;
  private static final long STASH_DOUBLE = 11;

  @Override
  public String opType() {
    return "LayerNormalization";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    if (!x.dtype().isFloat()) {
      throw ctx.shapeError("LayerNormalization needs a float32 input, got " + x.dtype());
    }
    int axis = axis(ctx.attrs().getInt("axis", -1), x.rank(), ctx);
    boolean statsWanted = false;
    for (int i = 1; i < ctx.outputCount(); i++) {
      statsWanted |= !ctx.node().output(i).isEmpty();
    }
    long stash = ctx.attrs().getInt("stash_type", STASH_FLOAT);
    if (stash != STASH_FLOAT && !(stash == STASH_DOUBLE && !statsWanted)) {
      throw ctx.unsupported("stash_type=" + stash + " is not supported" + (statsWanted
          ? " when the Mean or InvStdDev output is used" : ""), "use stash_type=1 (float32)");
    }
    String[] names = {"Scale", "B"};
    for (int i = 1; i <= 2; i++) {
      if (i == 2 && !ctx.has(2)) {
        continue;
      }
      TensorType p = ctx.type(i);
      int[] b = Shapes.broadcast(x.shape(), p.shape());
      if (!p.dtype().isFloat() || b == null || !Arrays.equals(b, x.shape())) {
        throw ctx.shapeError("input " + names[i - 1] + " " + p + " must be float32 and broadcast to X "
            + x + " (usually it has the normalized shape)");
      }
    }
    List<TensorType> out = new ArrayList<>();
    out.add(x);
    TensorType stat = new TensorType(x.dtype(), statShape(x.shape(), axis));
    for (int i = 1; i < ctx.outputCount(); i++) {
      out.add(stat);
    }
    return out;
  }

  private static int axis(long axis, int rank, OpContext ctx) {
    if (axis < -rank || axis >= rank) {
      throw ctx.shapeError("axis " + axis + " is out of range for an input of rank " + rank);
    }
    return (int) (axis < 0 ? axis + rank : axis);
  }

  private static int[] statShape(int[] shape, int axis) {
    int[] s = shape.clone();
    Arrays.fill(s, axis, s.length, 1);
    return s;
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    int[] shape = x.shape();
    long a = ctx.attrs().getInt("axis", -1);
    int axis = (int) (a < 0 ? a + shape.length : a);
    double epsilon = ctx.attrs().getFloat("epsilon", 1e-5f);
    int groups = 1;
    int inner = 1;
    for (int d = 0; d < shape.length; d++) {
      if (d < axis) {
        groups *= shape[d];
      } else {
        inner *= shape[d];
      }
    }
    float[] in = x.floats();
    float[] scale = ctx.input(1).floats();
    int[] scaleAt = Shapes.broadcastIndex(ctx.input(1).shape(), shape);
    float[] bias = ctx.has(2) ? ctx.input(2).floats() : null;
    int[] biasAt = bias == null ? null : Shapes.broadcastIndex(ctx.input(2).shape(), shape);
    float[] out = new float[in.length];
    float[] means = new float[groups];
    float[] invStds = new float[groups];
    for (int g = 0; g < groups; g++) {
      int base = g * inner;
      double mean = SliceMoments.mean(in, base, inner);
      double invStd = SliceMoments.invStd(in, base, inner, mean, epsilon);
      for (int k = base; k < base + inner; k++) {
        double y = (in[k] - mean) * invStd * scale[scaleAt[k]];
        out[k] = (float) (bias == null ? y : y + bias[biasAt[k]]);
      }
      means[g] = (float) mean;
      invStds[g] = (float) invStd;
    }
    List<Tensor> result = new ArrayList<>();
    result.add(Tensor.ofFloats(shape, out));
    int[] statShape = statShape(shape, axis);
    for (int i = 1; i < ctx.outputCount(); i++) {
      result.add(ctx.outputType(i) == null ? null
          : Tensor.ofFloats(statShape, (i == 1 ? means : invStds).clone()));
    }
    return result;
  }

  /** One multiply-add per element for the variance and one for the affine output. */
  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    return 2L * inputs.get(0).size();
  }
}
