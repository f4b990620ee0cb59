package dev.tenax.ops.quant;

import dev.tenax.diag.Code;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.OpException;

/**
 * Granularity of a QuantizeLinear/DequantizeLinear scale or zero point: which of its elements
 * applies to each element of x. ONNX has three, told apart by the parameter's shape:
 * per tensor (one element), per axis (a 1-D tensor as long as x's {@code axis}, opset 13) and
 * blocked (x's shape with the {@code axis} dimension divided by {@code block_size} rounded up,
 * opset 21).
 */
final class QuantLayout {
  /** How the parameter is spread over x. */
  enum Kind { PER_TENSOR, PER_AXIS, BLOCKED }

  private final Kind kind;
  private final int[] xShape;
  private final int axis;
  private final int blockSize;
  private final int paramAxisDim;

  private QuantLayout(Kind kind, int[] xShape, int axis, int blockSize, int paramAxisDim) {
    this.kind = kind;
    this.xShape = xShape;
    this.axis = axis;
    this.blockSize = blockSize;
    this.paramAxisDim = paramAxisDim;
  }

  /**
   * Validates the shape of parameter {@code what} against x and the attributes.
   *
   * @param axisAttr the axis attribute as given (may be negative)
   * @param blockSize the block_size attribute (0 when absent or before opset 21)
   */
  static QuantLayout resolve(String what, int[] xShape, int[] pShape, long axisAttr, long blockSize,
      int opset) {
    if (blockSize < 0) {
      throw new OpException(Code.TX040, "block_size=" + blockSize + " is negative",
          "block_size must be 0 (no blocking) or a positive block length");
    }
    if (Shapes.size(pShape) == 1) {
      return new QuantLayout(Kind.PER_TENSOR, xShape, 0, 0, 1);
    }
    if (opset < 13) {
      throw new OpException(Code.TX050, what + " has shape " + Shapes.format(pShape)
          + " but opset " + opset + " only allows a scalar (per-tensor quantization)",
          "per-axis quantization needs opset 13 or newer");
    }
    int r = xShape.length;
    if (axisAttr < -r || axisAttr >= r) {
      throw new OpException(Code.TX050, "axis=" + axisAttr + " is out of range for an input of rank " + r);
    }
    int axis = (int) (axisAttr < 0 ? axisAttr + r : axisAttr);
    if (blockSize == 0) {
      if (pShape.length != 1 || pShape[0] != xShape[axis]) {
        throw new OpException(Code.TX050, what + " has shape " + Shapes.format(pShape)
            + " but per-axis quantization along axis " + axis + " of input " + Shapes.format(xShape)
            + " needs a 1-D tensor of " + xShape[axis] + " elements",
            opset >= 21 ? "for blocked quantization set block_size" : null);
      }
      return new QuantLayout(Kind.PER_AXIS, xShape, axis, 0, xShape[axis]);
    }
    if (opset < 21) {
      throw new OpException(Code.TX040, "block_size is set but blocked quantization needs opset 21",
          "re-export the model with opset 21 or newer");
    }
    boolean ok = pShape.length == r;
    for (int d = 0; ok && d < r; d++) {
      ok = d == axis ? pShape[d] == ceilDiv(xShape[d], blockSize) : pShape[d] == xShape[d];
    }
    if (!ok) {
      int[] want = xShape.clone();
      want[axis] = ceilDiv(xShape[axis], blockSize);
      throw new OpException(Code.TX050, what + " has shape " + Shapes.format(pShape)
          + " but blocks of " + blockSize + " along axis " + axis + " of input " + Shapes.format(xShape)
          + " need shape " + Shapes.format(want));
    }
    return new QuantLayout(Kind.BLOCKED, xShape, axis, (int) blockSize, pShape[axis]);
  }

  /** {@link #resolve} with axis and block_size read from the node's attributes. */
  static QuantLayout of(Attrs attrs, int opset, String what, TensorType x, TensorType param) {
    return resolve(what, x.shape(), param.shape(), attrs.getInt("axis", 1), attrs.getInt("block_size", 0),
        opset);
  }

  Kind kind() {
    return kind;
  }

  /** For each flat index of x, the flat index of the parameter element that applies to it. */
  int[] indexMap() {
    int n = Shapes.size(xShape);
    int[] map = new int[n];
    if (kind == Kind.PER_TENSOR) {
      return map;
    }
    int inner = 1;
    for (int d = axis + 1; d < xShape.length; d++) {
      inner *= xShape[d];
    }
    int dim = xShape[axis];
    for (int i = 0; i < n; i++) {
      int c = (i / inner) % dim;
      if (kind == Kind.PER_AXIS) {
        map[i] = c;
      } else {
        int outer = i / (inner * dim);
        map[i] = (outer * paramAxisDim + c / blockSize) * inner + i % inner;
      }
    }
    return map;
  }

  private static int ceilDiv(int a, long b) {
    return (int) ((a + b - 1) / b);
  }
}
