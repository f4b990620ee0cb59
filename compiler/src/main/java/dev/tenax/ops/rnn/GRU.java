package dev.tenax.ops.rnn;

import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import java.util.Arrays;
import java.util.List;

/**
 * GRU with gates in ONNX order z (update), r (reset), h (hidden); f = Sigmoid and g = Tanh
 * by default. linear_before_reset=1 (opset 3 on, PyTorch's and cuDNN's variant) applies the
 * reset gate after the recurrent product instead of before it.
 */
public final class GRU extends RecurrentLayer {
  @Override
  public String opType() {
    return "GRU";
  }

  @Override
  protected int gates() {
    return 3;
  }

  @Override
  protected List<Activation> defaultActivations() {
    return List.of(Activation.SIGMOID, Activation.TANH);
  }

  @Override
  protected void checkSpecific(OpContext ctx, Geometry g) {
    long lbr = ctx.attrs().getInt("linear_before_reset", 0);
    if (lbr != 0 && lbr != 1) {
      throw ctx.unsupported("linear_before_reset=" + lbr + " is not defined", "use 0 or 1");
    }
  }

  @Override
  protected Cell cell(EvalContext ctx, DirectionWeights w, int dir, Geometry g) {
    boolean linearBeforeReset = ctx.attrs().getInt("linear_before_reset", 0) != 0;
    int hidden = w.hidden();
    double[] pre = new double[3 * hidden];
    double[] recurrent = new double[3 * hidden];
    double[] z = new double[hidden];
    double[] reset = new double[hidden];
    return (x, h, c) -> {
      w.inputProjection(x, pre);
      w.addRecurrent(h, 0, 2, pre);
      for (int k = 0; k < hidden; k++) {
        z[k] = w.activate(0, pre[k]);
        reset[k] = w.activate(0, pre[hidden + k]);
      }
      if (linearBeforeReset) {
        Arrays.fill(recurrent, 0);
        w.addRecurrent(h, 2, 3, recurrent);
        for (int k = 0; k < hidden; k++) {
          pre[2 * hidden + k] += reset[k] * recurrent[2 * hidden + k];
        }
      } else {
        for (int k = 0; k < hidden; k++) {
          reset[k] *= h[k];
        }
        w.addRecurrent(reset, 2, 3, pre);
      }
      for (int k = 0; k < hidden; k++) {
        double candidate = w.activate(1, pre[2 * hidden + k]);
        h[k] = (1 - z[k]) * candidate + z[k] * h[k];
      }
    };
  }
}
