package dev.tenax.ops.nn;

import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BatchNormalization in inference mode: y = (x - mean) / sqrt(var + epsilon) * scale + B per
 * channel (axis 1). Training mode (is_test=0 before opset 7, extra outputs from opset 7,
 * training_mode=1 from opset 14) updates running statistics, which has no meaning on a
 * microcontroller that only infers, so it is rejected. spatial=0 (opsets 1-8, per-element
 * statistics) is rare enough not to be implemented.
 */
public final class BatchNormalization implements Operator {
  private static final String[] PARAMS = {"scale", "B", "mean", "var"};

  @Override
  public String opType() {
    return "BatchNormalization";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    int opset = ctx.opset();
    var attrs = ctx.attrs();
    if (opset < 7 && attrs.getInt("is_test", 0) == 0) {
      throw ctx.unsupported("is_test=0 selects training mode (batch statistics), which Tenax does "
          + "not implement", "export the model in inference mode (is_test=1)");
    }
    if (opset < 9 && attrs.getInt("spatial", 1) != 1) {
      throw ctx.unsupported("spatial=" + attrs.getInt("spatial", 1) + " (per-element statistics) is "
          + "not supported", "export with spatial=1 (per-channel statistics)");
    }
    if (opset >= 14 && attrs.getInt("training_mode", 0) != 0) {
      throw ctx.unsupported("training_mode=" + attrs.getInt("training_mode", 0) + " is not supported",
          "export the model in inference mode (training_mode=0)");
    }
    for (int i = 1; i < ctx.outputCount(); i++) {
      if (!ctx.node().output(i).isEmpty()) {
        throw ctx.unsupported("output " + i + " ('" + ctx.node().output(i) + "') exists only in "
            + "training mode, which is not supported", "export the model in inference mode, with "
            + "output Y only");
      }
    }
    TensorType x = ctx.type(0);
    if (!x.dtype().isFloat()) {
      throw ctx.shapeError("BatchNormalization needs a float32 input, got " + x.dtype());
    }
    if (x.rank() < 2) {
      throw ctx.shapeError("input X must have at least 2 dimensions (N, C, ...), got " + x);
    }
    int channels = x.dim(1);
    for (int i = 1; i <= 4; i++) {
      TensorType p = ctx.type(i);
      if (!p.dtype().isFloat() || !Arrays.equals(p.shape(), new int[] {channels})) {
        throw ctx.shapeError("input " + PARAMS[i - 1] + " must be float32[" + channels + "] to match "
            + "the channels of X " + x + ", got " + p);
      }
    }
    List<TensorType> out = new ArrayList<>();
    out.add(x);
    TensorType stat = new TensorType(x.dtype(), new int[] {channels});
    for (int i = 1; i < ctx.outputCount(); i++) {
      out.add(stat);
    }
    return out;
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    float[] scale = ctx.input(1).floats();
    float[] bias = ctx.input(2).floats();
    float[] mean = ctx.input(3).floats();
    float[] var = ctx.input(4).floats();
    double epsilon = ctx.attrs().getFloat("epsilon", 1e-5f);
    int channels = x.dim(1);
    int inner = x.size() / Math.max(1, x.dim(0) * channels);
    float[] in = x.floats();
    float[] out = new float[in.length];
    for (int base = 0, c = 0; base < in.length; base += inner, c = (c + 1) % channels) {
      double invStd = 1.0 / Math.sqrt(var[c] + epsilon);
      for (int k = base; k < base + inner; k++) {
        out[k] = (float) ((in[k] - (double) mean[c]) * invStd * scale[c] + bias[c]);
      }
    }
    List<Tensor> result = new ArrayList<>();
    result.add(Tensor.ofFloats(x.shape(), out));
    for (int i = 1; i < ctx.outputCount(); i++) {
      result.add(null);
    }
    return result;
  }

  /** One multiply-add per element once scale and variance are folded together. */
  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    return inputs.get(0).size();
  }
}
