package dev.tenax.ops.tensor;

import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;

/**
 * What inference and evaluation both see of a node. Each op derives its geometry (slice
 * bounds, pads, output sizes...) from this once, so the shape inference promised and the
 * data evaluation produces cannot drift apart.
 */
abstract class NodeView {
  abstract int opset();

  abstract Attrs attrs();

  /** True when optional input {@code i} is present. */
  abstract boolean has(int i);

  abstract TensorType type(int i);

  /**
   * Value of shape-like operand {@code i}. During inference it must be known at compile time
   * (TX051 otherwise); during evaluation it is simply the input.
   */
  abstract Tensor operand(int i, String what);

  abstract int outputCount();

  /** During lowering: operands must be constants, as they were during inference. */
  static NodeView of(dev.tenax.lower.LowerContext ctx) {
    return new NodeView() {
      @Override
      int opset() {
        return ctx.node().opset();
      }

      @Override
      Attrs attrs() {
        return ctx.attrs();
      }

      @Override
      boolean has(int i) {
        return ctx.has(i);
      }

      @Override
      TensorType type(int i) {
        return ctx.inputType(i);
      }

      @Override
      Tensor operand(int i, String what) {
        Tensor t = ctx.constant(i);
        if (t == null) {
          throw new OpException(dev.tenax.diag.Code.TX051, what + " (input " + i + ") is not a constant");
        }
        return t;
      }

      @Override
      int outputCount() {
        return ctx.node().outputs().size();
      }
    };
  }

  static NodeView of(OpContext ctx) {
    return new NodeView() {
      @Override
      int opset() {
        return ctx.opset();
      }

      @Override
      Attrs attrs() {
        return ctx.attrs();
      }

      @Override
      boolean has(int i) {
        return ctx.has(i);
      }

      @Override
      TensorType type(int i) {
        return ctx.type(i);
      }

      @Override
      Tensor operand(int i, String what) {
        return ctx.requireConstant(i, what);
      }

      @Override
      int outputCount() {
        return ctx.outputCount();
      }
    };
  }

  static NodeView of(EvalContext ctx) {
    return new NodeView() {
      @Override
      int opset() {
        return ctx.opset();
      }

      @Override
      Attrs attrs() {
        return ctx.attrs();
      }

      @Override
      boolean has(int i) {
        return ctx.has(i);
      }

      @Override
      TensorType type(int i) {
        return ctx.input(i).type();
      }

      @Override
      Tensor operand(int i, String what) {
        return ctx.input(i);
      }

      @Override
      int outputCount() {
        return ctx.outputCount();
      }
    };
  }
}
