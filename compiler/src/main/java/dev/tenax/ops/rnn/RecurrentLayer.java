package dev.tenax.ops.rnn;

import dev.tenax.diag.Code;
import dev.tenax.ir.Node;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What RNN, GRU and LSTM share: inputs X, W, R, B, sequence_lens, initial_h; outputs Y and
 * Y_h; directions, layout, hidden_size, activations and clip; and the time loop. Subclasses
 * give the gate count and one time step. Every batch row runs on its own, which makes
 * sequence_lens simple: a row stops after its length (a reverse pass starts at its last
 * valid step), Y past the length stays zero and Y_h is the state after the last valid step,
 * or zero for an empty sequence as in onnxruntime.
 */
public abstract class RecurrentLayer implements Operator {
  static final int X = 0;
  static final int W = 1;
  static final int R = 2;
  static final int B = 3;
  static final int SEQUENCE_LENS = 4;
  static final int INITIAL_H = 5;
  static final int INITIAL_C = 6;

  private static final Set<String> DIRECTIONS = Set.of("forward", "reverse", "bidirectional");

  /** Sizes of one evaluation. {@code batchFirst} is layout=1. */
  protected record Geometry(int seq, int batch, int input, int hidden, int dirs, boolean batchFirst) {
    /** Shape of Y_h, Y_c, initial_h and initial_c. */
    int[] stateShape() {
      return batchFirst ? new int[] {batch, dirs, hidden} : new int[] {dirs, batch, hidden};
    }

    int stateIndex(int dir, int b) {
      return (batchFirst ? b * dirs + dir : dir * batch + b) * hidden;
    }
  }

  /** One time step of one batch row; h (and c for LSTM, else null) are updated in place. */
  @FunctionalInterface
  protected interface Cell {
    void step(double[] x, double[] h, double[] c);
  }

  /** Number of gates stacked in W, R and B (1 for RNN, 3 for GRU, 4 for LSTM). */
  protected abstract int gates();

  /** The activations of one direction when the attribute is absent. */
  protected abstract List<Activation> defaultActivations();

  /** LSTM carries a cell state: initial_c input and Y_c output. */
  protected boolean hasCellState() {
    return false;
  }

  /** Checks the inputs and attributes only this op has. */
  protected void checkSpecific(OpContext ctx, Geometry g) {}

  /** The step function of direction {@code dir}. */
  protected abstract Cell cell(EvalContext ctx, DirectionWeights w, int dir, Geometry g);

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    int outputs = hasCellState() ? 3 : 2;
    if (ctx.outputCount() > outputs) {
      throw ctx.shapeError(opType() + " has at most " + outputs + " outputs, the node lists "
          + ctx.outputCount());
    }
    TensorType x = ctx.type(X);
    if (!x.dtype().isFloat() || x.rank() != 3) {
      throw ctx.shapeError("X must be a 3-D float32 tensor, got " + x);
    }
    long layout = ctx.attrs().getInt("layout", 0);
    if (layout != 0 && layout != 1) {
      throw ctx.unsupported("layout=" + layout + " is not defined", "use layout 0 or 1");
    }
    int dirs = directions(ctx.attrs());
    TensorType w = ctx.type(W);
    int rows = w.rank() == 3 ? w.dim(1) : 0;
    if (!w.dtype().isFloat() || w.rank() != 3 || w.dim(0) != dirs || w.dim(2) != x.dim(2)
        || rows % gates() != 0 || rows == 0) {
      throw ctx.shapeError("W must be float32[" + dirs + ", " + gates() + "*hidden_size, " + x.dim(2)
          + "] for X " + x + " and " + dirs + " direction(s), got " + w);
    }
    int hidden = rows / gates();
    if (ctx.attrs().has("hidden_size") && ctx.attrs().getInt("hidden_size", 0) != hidden) {
      throw ctx.shapeError("hidden_size=" + ctx.attrs().getInt("hidden_size", 0) + " does not match W "
          + w + ", which has " + gates() + "*" + hidden + " rows");
    }
    Geometry g = geometry(x, w, ctx.attrs());
    expectShape(ctx, R, "R", new int[] {dirs, rows, hidden});
    if (ctx.has(B)) {
      expectShape(ctx, B, "B", new int[] {dirs, 2 * rows});
    }
    if (ctx.has(SEQUENCE_LENS)) {
      TensorType lens = ctx.type(SEQUENCE_LENS);
      if (!lens.dtype().isInteger() || !Arrays.equals(lens.shape(), new int[] {g.batch()})) {
        throw ctx.shapeError("sequence_lens must be int32[" + g.batch() + "], got " + lens);
      }
      if (ctx.constant(SEQUENCE_LENS) != null) {
        sequenceLengths(ctx.constant(SEQUENCE_LENS), g);
      }
    }
    if (ctx.has(INITIAL_H)) {
      expectShape(ctx, INITIAL_H, "initial_h", g.stateShape());
    }
    activations(ctx.attrs(), dirs);
    if (ctx.attrs().has("clip") && !(ctx.attrs().getFloat("clip", 0) > 0)) {
      throw ctx.unsupported("clip=" + ctx.attrs().getFloat("clip", 0) + " must be positive",
          "omit clip, or give the positive threshold");
    }
    checkSpecific(ctx, g);
    List<TensorType> out = new ArrayList<>();
    int[] y = g.batchFirst() ? new int[] {g.batch(), g.seq(), dirs, hidden}
        : new int[] {g.seq(), dirs, g.batch(), hidden};
    out.add(new TensorType(x.dtype(), y));
    for (int i = 1; i < ctx.outputCount(); i++) {
      out.add(new TensorType(x.dtype(), g.stateShape()));
    }
    return out;
  }

  /** Fails with TX050 unless input {@code i} is float32 with exactly {@code shape}. */
  protected static void expectShape(OpContext ctx, int i, String name, int[] shape) {
    TensorType t = ctx.type(i);
    if (!t.dtype().isFloat() || !Arrays.equals(t.shape(), shape)) {
      throw ctx.shapeError(name + " must be float32" + Shapes.format(shape) + ", got " + t);
    }
  }

  private Geometry geometry(TensorType x, TensorType w, Attrs attrs) {
    boolean batchFirst = attrs.getInt("layout", 0) == 1;
    int seq = batchFirst ? x.dim(1) : x.dim(0);
    int batch = batchFirst ? x.dim(0) : x.dim(1);
    return new Geometry(seq, batch, x.dim(2), w.dim(1) / gates(), w.dim(0), batchFirst);
  }

  private static int directions(Attrs attrs) {
    return attrs.getChoice("direction", "forward", DIRECTIONS).equals("bidirectional") ? 2 : 1;
  }

  private static int[] sequenceLengths(Tensor lens, Geometry g) {
    int[] r = new int[g.batch()];
    for (int b = 0; b < r.length; b++) {
      long v = lens.getLong(b);
      if (v < 0 || v > g.seq()) {
        throw new OpException(Code.TX050, "sequence_lens[" + b + "]=" + v + " is outside [0, " + g.seq()
            + "], the sequence length of X");
      }
      r[b] = (int) v;
    }
    return r;
  }

  /**
   * The activations of every direction, forward first. A bidirectional layer that lists one
   * direction's functions uses them for both, as onnxruntime does.
   */
  private Activation[] activations(Attrs attrs, int dirs) {
    List<Activation> defaults = defaultActivations();
    int n = defaults.size();
    List<String> names = attrs.getStrings("activations", null);
    Activation[] r = new Activation[n * dirs];
    if (names == null) {
      for (int i = 0; i < r.length; i++) {
        r[i] = defaults.get(i % n);
      }
      return r;
    }
    if (names.size() != n * dirs && !(dirs == 2 && names.size() == n)) {
      throw new OpException(Code.TX050, "activations lists " + names.size() + " functions; " + opType()
          + " needs " + n + " per direction, " + n * dirs + " in all");
    }
    for (int i = 0; i < r.length; i++) {
      String name = names.get(i % names.size());
      r[i] = Activation.byName(name);
      if (r[i] == null) {
        throw new OpException(Code.TX040, "activation function " + name + " is not supported",
            "supported: Sigmoid, Tanh, Relu");
      }
    }
    return r;
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Tensor x = ctx.input(X);
    Geometry g = geometry(x.type(), ctx.input(W).type(), ctx.attrs());
    boolean reverseOnly = ctx.attrs().getString("direction", "forward").equals("reverse");
    Activation[] acts = activations(ctx.attrs(), g.dirs());
    int perDir = defaultActivations().size();
    double clip = ctx.attrs().has("clip") ? ctx.attrs().getFloat("clip", 0) : Double.POSITIVE_INFINITY;
    int[] lens = ctx.has(SEQUENCE_LENS) ? sequenceLengths(ctx.input(SEQUENCE_LENS), g) : null;
    float[] in = x.floats();
    int hidden = g.hidden();
    float[] y = new float[g.seq() * g.dirs() * g.batch() * hidden];
    float[] yh = new float[g.dirs() * g.batch() * hidden];
    float[] yc = new float[yh.length];
    double[] xt = new double[g.input()];
    for (int d = 0; d < g.dirs(); d++) {
      DirectionWeights w = new DirectionWeights(ctx.input(W), ctx.input(R), ctx.input(B), d, gates(),
          hidden, g.input(), Arrays.copyOfRange(acts, d * perDir, (d + 1) * perDir), clip);
      Cell cell = cell(ctx, w, d, g);
      boolean reverse = reverseOnly || d == 1;
      for (int b = 0; b < g.batch(); b++) {
        int state = g.stateIndex(d, b);
        double[] h = initialState(ctx.input(INITIAL_H), state, hidden);
        double[] c = hasCellState() ? initialState(ctx.input(INITIAL_C), state, hidden) : null;
        int len = lens == null ? g.seq() : lens[b];
        for (int s = 0; s < len; s++) {
          int t = reverse ? len - 1 - s : s;
          int xAt = (g.batchFirst() ? b * g.seq() + t : t * g.batch() + b) * g.input();
          for (int i = 0; i < xt.length; i++) {
            xt[i] = in[xAt + i];
          }
          cell.step(xt, h, c);
          int yAt = (g.batchFirst() ? (b * g.seq() + t) * g.dirs() + d : (t * g.dirs() + d) * g.batch() + b)
              * hidden;
          for (int k = 0; k < hidden; k++) {
            y[yAt + k] = (float) h[k];
          }
        }
        if (len > 0) {
          for (int k = 0; k < hidden; k++) {
            yh[state + k] = (float) h[k];
            yc[state + k] = c == null ? 0f : (float) c[k];
          }
        }
      }
    }
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < ctx.outputCount(); i++) {
      TensorType t = ctx.outputType(i);
      out.add(t == null ? null : Tensor.ofFloats(t.shape(), i == 0 ? y : i == 1 ? yh : yc));
    }
    return out;
  }

  private static double[] initialState(Tensor t, int at, int hidden) {
    double[] s = new double[hidden];
    if (t != null) {
      float[] f = t.floats();
      for (int k = 0; k < hidden; k++) {
        s[k] = f[at + k];
      }
    }
    return s;
  }

  /** Multiply-accumulates of the input and recurrent projections over all steps. */
  @Override
  public long macs(List<TensorType> inputs, List<TensorType> outputs, Node node) {
    TensorType x = inputs.get(X);
    TensorType w = inputs.get(W);
    int hidden = w.dim(1) / gates();
    return (long) x.dim(0) * x.dim(1) * w.dim(0) * w.dim(1) * (x.dim(2) + hidden);
  }
}
