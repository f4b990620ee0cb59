package dev.tenax.ops.math;

import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ops.Attrs;
import java.util.Arrays;

/**
 * PRelu: x &lt; 0 ? slope * x : x, where the slope broadcasts to X (only that way round).
 * Before opset 7 a 1-D slope of X's channel count is per channel (axis 1), as the PyTorch
 * exporters of that time emitted it; from opset 7 numpy broadcasting applies.
 */
public final class PRelu extends BinaryElementwise {
  @Override
  public String opType() {
    return "PRelu";
  }

  @Override
  protected boolean unidirectional(int opset) {
    return true;
  }

  @Override
  protected int[] alignB(Attrs attrs, int opset, int[] x, int[] slope) {
    if (opset >= 7 || Shapes.size(slope) == 1 || x.length < 2 || slope.length != 1 || slope[0] != x[1]) {
      return slope;
    }
    int[] perChannel = new int[x.length - 1];
    Arrays.fill(perChannel, 1);
    perChannel[0] = slope[0];
    return perChannel;
  }

  @Override
  protected float applyFloat(float x, float slope) {
    return x < 0 ? x * slope : x;
  }

  @Override
  protected long applyLong(long x, long slope, DType type) {
    return x < 0 ? x * slope : x;
  }
}
