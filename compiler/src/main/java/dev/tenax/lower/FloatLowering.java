package dev.tenax.lower;

import dev.tenax.ir.DType;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.steps.FloatRowsStep;

/**
 * Softmax, LogSoftmax, Sigmoid and Tanh: on int8 kernels when input and output are quantized
 * (see {@link Int8Activations}), else the float32 fallback: the input is dequantized when it is
 * int8, the kernel runs in float32, and a following QuantizeLinear quantizes the result.
 */
public final class FloatLowering {
  private FloatLowering() {}

  /** Softmax or LogSoftmax over the innermost axis (opset 13) or the axes from {@code axis} on. */
  public static boolean softmax(LowerContext ctx, boolean log) {
    int rank = ctx.inputType(0).rank();
    int axis = (int) ctx.attrs().getInt("axis", ctx.node().opset() >= 13 ? -1 : 1);
    if (axis < 0) {
      axis += rank;
    }
    int[] shape = ctx.inputType(0).shape();
    int rowSize = 1;
    if (ctx.node().opset() >= 13) {
      if (axis != rank - 1) {
        return false; // TODO: softmax over an inner axis needs a transpose or a strided kernel
      }
      rowSize = shape[rank - 1];
    } else {
      for (int i = axis; i < rank; i++) {
        rowSize *= shape[i];
      }
    }
    return rows(ctx, log ? FloatRowsStep.Kind.LOG_SOFTMAX : FloatRowsStep.Kind.SOFTMAX, rowSize);
  }

  /** Sigmoid or Tanh, elementwise. */
  public static boolean elementwise(LowerContext ctx, FloatRowsStep.Kind kind) {
    return rows(ctx, kind, ctx.inputType(0).size());
  }

  private static boolean rows(LowerContext ctx, FloatRowsStep.Kind kind, int rowSize) {
    Activation x = ctx.activation(0);
    if (x == null || rowSize <= 0) {
      return false;
    }
    if (Int8Activations.lower(ctx, kind, rowSize)) {
      return true;
    }
    View in = x.quantized() ? ctx.inLogicalOrder(x.view()) : x.view();
    if (!in.inLogicalOrder() && (kind == FloatRowsStep.Kind.SOFTMAX || kind == FloatRowsStep.Kind.LOG_SOFTMAX)) {
      return false;
    }
    View f = x.quantized() ? ctx.dequantized(in) : in;
    View out = ctx.newBuffer(0, ctx.outputType(0).shape(), f.perm(), DType.FLOAT32, null);
    ctx.emit(new FloatRowsStep(ctx.node().name(), kind, rowSize, f, out));
    ctx.define(0, new Activation(out));
    ctx.markFloat();
    return true;
  }
}
