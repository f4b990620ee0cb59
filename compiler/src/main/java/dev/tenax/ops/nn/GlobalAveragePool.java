package dev.tenax.ops.nn;

import dev.tenax.lower.LowerContext;
import dev.tenax.ir.Node;
import dev.tenax.ir.TensorType;
import java.util.List;

/** GlobalAveragePool (opsets 1, 22): the mean of each channel plane, summed in double. */
public final class GlobalAveragePool extends GlobalPool {
  @Override
  public String opType() {
    return "GlobalAveragePool";
  }

  @Override
  protected float reduce(float[] x, int from, int count) {
    double sum = 0;
    for (int i = from; i < from + count; i++) {
      sum += x[i];
    }
    return (float) (sum / count);
  }

  /** One accumulation per input element. */
  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    return inputs.get(0).size();
  }

  @Override
  public boolean lower(LowerContext ctx) {
    return dev.tenax.lower.PoolLowering.lower(ctx, false, true);
  }
}
