package dev.tenax.ops.rnn;

import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import java.util.List;

/**
 * LSTM with gates in ONNX order i, o, f, c and optional peepholes P (order i, o, f);
 * f = Sigmoid, g = Tanh, h = Tanh by default. clip bounds every activation input, including
 * the cell state before h, without changing the stored cell state (as onnxruntime does).
 * input_forget=1 couples the gates: f = 1 - i.
 */
public final class LSTM extends RecurrentLayer {
  static final int P = 7;

  @Override
  public String opType() {
    return "LSTM";
  }

  @Override
  protected int gates() {
    return 4;
  }

  @Override
  protected List<Activation> defaultActivations() {
    return List.of(Activation.SIGMOID, Activation.TANH, Activation.TANH);
  }

  @Override
  protected boolean hasCellState() {
    return true;
  }

  @Override
  protected void checkSpecific(OpContext ctx, Geometry g) {
    if (ctx.has(INITIAL_C)) {
      expectShape(ctx, INITIAL_C, "initial_c", g.stateShape());
    }
    if (ctx.has(P)) {
      expectShape(ctx, P, "P", new int[] {g.dirs(), 3 * g.hidden()});
    }
    long inputForget = ctx.attrs().getInt("input_forget", 0);
    if (inputForget != 0 && inputForget != 1) {
      throw ctx.unsupported("input_forget=" + inputForget + " is not defined", "use 0 or 1");
    }
  }

  @Override
  protected Cell cell(EvalContext ctx, DirectionWeights w, int dir, Geometry g) {
    int hidden = w.hidden();
    double[] peep = new double[3 * hidden];
    if (ctx.has(P)) {
      float[] p = ctx.input(P).floats();
      for (int k = 0; k < peep.length; k++) {
        peep[k] = p[dir * 3 * hidden + k];
      }
    }
    boolean inputForget = ctx.attrs().getInt("input_forget", 0) != 0;
    double[] pre = new double[4 * hidden];
    return (x, h, c) -> {
      w.inputProjection(x, pre);
      w.addRecurrent(h, 0, 4, pre);
      for (int k = 0; k < hidden; k++) {
        double input = w.activate(0, pre[k] + peep[k] * c[k]);
        double forget = inputForget ? 1 - input
            : w.activate(0, pre[2 * hidden + k] + peep[2 * hidden + k] * c[k]);
        double candidate = w.activate(1, pre[3 * hidden + k]);
        c[k] = forget * c[k] + input * candidate;
        double output = w.activate(0, pre[hidden + k] + peep[hidden + k] * c[k]);
        h[k] = output * w.activate(2, c[k]);
      }
    };
  }
}
