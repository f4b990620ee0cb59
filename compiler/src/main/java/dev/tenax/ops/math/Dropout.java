package dev.tenax.ops.math;

import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dropout in inference mode: the output is the input and the optional mask keeps everything
 * (all ones of X's type before opset 10, all true bool from opset 10). From opset 12 the
 * optional input {@code training_mode} must be absent or a constant false, because training
 * mode is random; the ratio, whatever its value, has no effect in inference.
 *
 * <p>Before opset 7 the {@code is_test} attribute defaulted to 0 (training) even in graphs
 * exported for inference; Tenax compiles inference graphs only, so it is ignored there.
 */
public final class Dropout implements Operator {
  @Override
  public String opType() {
    return "Dropout";
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    if (!x.dtype().isFloat()) {
      throw ctx.shapeError("Dropout needs a float32 input, got " + x.dtype());
    }
    if (ctx.opset() >= 12 && ctx.has(2)) {
      Tensor training = ctx.constant(2);
      if (training == null) {
        throw ctx.unsupported("training_mode is computed at run time; Tenax runs Dropout in inference mode only",
            "make training_mode a constant false or leave it out");
      }
      if (training.size() != 1) {
        throw ctx.shapeError("training_mode must be a scalar, got " + training.type());
      }
      if (training.getDouble(0) != 0) {
        throw ctx.unsupported("training_mode=true is not supported; Tenax runs Dropout in inference mode only",
            "export the model in inference (eval) mode, or set training_mode to false");
      }
    }
    if (ctx.outputCount() > 2) {
      throw ctx.shapeError("Dropout has at most 2 outputs (output, mask), the node lists " + ctx.outputCount());
    }
    return ctx.outputCount() == 1 ? List.of(x) : List.of(x, x.withDType(maskType(ctx.opset())));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(0);
    List<Tensor> out = new ArrayList<>();
    out.add(x);
    if (ctx.outputCount() > 1) {
      TensorType mask = ctx.outputType(1);
      out.add(mask == null ? null : allKept(mask));
    }
    return out;
  }

  private static DType maskType(int opset) {
    return opset < 10 ? DType.FLOAT32 : DType.BOOL;
  }

  private static Tensor allKept(TensorType mask) {
    int n = mask.size();
    if (mask.dtype().isFloat()) {
      float[] ones = new float[n];
      Arrays.fill(ones, 1f);
      return Tensor.ofFloats(mask.shape(), ones);
    }
    long[] ones = new long[n];
    Arrays.fill(ones, 1);
    return Tensor.ofLongs(mask.dtype(), mask.shape(), ones);
  }
}
