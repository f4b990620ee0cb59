package dev.tenax.ops.nn;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Base of MaxPool and AveragePool: X [N, C, D1..Dn] pooled by windows of the required
 * kernel_shape, geometry resolved by {@link WindowGeometry}. Attributes added by later opsets
 * (ceil_mode, dilations) are read at every opset: their defaults are the old behaviour.
 */
abstract class Pool implements Operator {
  /** Element types accepted for X. */
  protected abstract Set<DType> types();

  /** Subclass checks of attributes and of outputs beyond the first. */
  protected void check(OpContext ctx) {}

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    TensorType x = ctx.type(0);
    if (!types().contains(x.dtype())) {
      throw ctx.shapeError(opType() + " does not accept " + x.dtype() + " input (accepted: "
          + types() + ")");
    }
    check(ctx);
    WindowGeometry g = geometry(ctx.attrs(), x.shape());
    int[] out = x.shape();
    System.arraycopy(g.outSize(), 0, out, 2, g.rank());
    List<TensorType> types = new ArrayList<>();
    types.add(new TensorType(x.dtype(), out));
    for (int i = 1; i < ctx.outputCount(); i++) {
      types.add(new TensorType(DType.INT64, out));
    }
    return types;
  }

  static WindowGeometry geometry(Attrs attrs, int[] xShape) {
    int[] kernel = attrs.getIntArray("kernel_shape", null);
    if (kernel == null) {
      throw new OpException(Code.TX041, "attribute kernel_shape is required");
    }
    if (kernel.length == 0 || xShape.length != kernel.length + 2) {
      throw new OpException(Code.TX050, "kernel_shape " + Shapes.format(kernel) + " needs X of rank "
          + (kernel.length + 2) + " [N, C, spatial...], got " + Shapes.format(xShape));
    }
    return WindowGeometry.resolve(attrs, kernel, Arrays.copyOfRange(xShape, 2, xShape.length),
        true);
  }

}
