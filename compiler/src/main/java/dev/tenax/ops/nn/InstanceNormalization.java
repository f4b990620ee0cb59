package dev.tenax.ops.nn;

import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.Arrays;
import java.util.List;

/**
 * InstanceNormalization: every (batch, channel) slice is normalized over its spatial
 * elements with its own mean and (population) variance, then scaled and shifted per channel.
 * The statistics depend on the input, so unlike BatchNormalization this cannot fold into
 * the previous layer.
 */
public final class InstanceNormalization implements Operator {
  @Override
  public String opType() {
    return "InstanceNormalization";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    if (!x.dtype().isFloat()) {
      throw ctx.shapeError("InstanceNormalization needs a float32 input, got " + x.dtype());
    }
    if (x.rank() < 2) {
      throw ctx.shapeError("input must have at least 2 dimensions (N, C, ...), got " + x);
    }
    int channels = x.dim(1);
    String[] names = {"scale", "B"};
    for (int i = 1; i <= 2; i++) {
      TensorType p = ctx.type(i);
      if (!p.dtype().isFloat() || !Arrays.equals(p.shape(), new int[] {channels})) {
        throw ctx.shapeError("input " + names[i - 1] + " must be float32[" + channels + "] to match "
            + "the channels of the input " + x + ", got " + p);
      }
    }
    return List.of(x);
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    float[] scale = ctx.input(1).floats();
    float[] bias = ctx.input(2).floats();
    double epsilon = ctx.attrs().getFloat("epsilon", 1e-5f);
    int channels = x.dim(1);
    int slices = x.dim(0) * channels;
    int inner = slices == 0 ? 0 : x.size() / slices;
    float[] in = x.floats();
    float[] out = new float[in.length];
    for (int s = 0; s < slices; s++) {
      int c = s % channels;
      int base = s * inner;
      double mean = SliceMoments.mean(in, base, inner);
      double invStd = SliceMoments.invStd(in, base, inner, mean, epsilon);
      for (int k = base; k < base + inner; k++) {
        out[k] = (float) ((in[k] - mean) * invStd * scale[c] + bias[c]);
      }
    }
    return List.of(Tensor.ofFloats(x.shape(), out));
  }

  /** One multiply-add per element for the variance and one for the affine output. */
  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    return 2L * inputs.get(0).size();
  }
}
