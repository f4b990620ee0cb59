package dev.tenax.ops.rnn;

import dev.tenax.ops.EvalContext;
import java.util.List;

/** RNN (simple recurrent layer): Ht = f(Xt*W^T + Ht-1*R^T + Wb + Rb), f = Tanh by default. */
public final class RNN extends RecurrentLayer {
  @Override
  public String opType() {
    return "RNN";
  }

  @Override
  protected int gates() {
    return 1;
  }

  @Override
  protected List<Activation> defaultActivations() {
    return List.of(Activation.TANH);
  }

  @Override
  protected Cell cell(EvalContext ctx, DirectionWeights w, int dir, Geometry g) {
    double[] pre = new double[w.hidden()];
    return (x, h, c) -> {
      w.inputProjection(x, pre);
      w.addRecurrent(h, 0, 1, pre);
      for (int k = 0; k < pre.length; k++) {
        h[k] = w.activate(0, pre[k]);
      }
    };
  }
}
