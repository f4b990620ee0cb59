package dev.tenax.ops.rnn;

import static dev.tenax.ops.rnn.RecurrentFixtures.at;
import static dev.tenax.ops.rnn.RecurrentFixtures.batchFirstY;
import static dev.tenax.ops.rnn.RecurrentFixtures.clip;
import static dev.tenax.ops.rnn.RecurrentFixtures.random;
import static dev.tenax.ops.rnn.RecurrentFixtures.sigmoid;
import static dev.tenax.ops.rnn.RecurrentFixtures.swap01;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class GRUTest {
  private static final int SEQ = 3;
  private static final int BATCH = 2;
  private static final int IN = 3;
  private static final int H = 2;
  private static final Tensor X = random(11, SEQ, BATCH, IN);

  /** Inputs of one case; null tensors are omitted inputs. */
  private record Case(int dirs, boolean reverse, Tensor b, int[] lens, Tensor h0, double clip,
      boolean linearBeforeReset) {
    Tensor w() {
      return random(12, dirs, 3 * H, IN);
    }

    Tensor r() {
      return random(13, dirs, 3 * H, H);
    }
  }

  /** W.x + Wb for gate row {@code row}. */
  private static double wx(Case c, Tensor w, int d, int row, int t, int b) {
    double acc = at(c.b(), d, row);
    for (int i = 0; i < IN; i++) {
      acc += at(w, d, row, i) * at(X, t, b, i);
    }
    return acc;
  }

  /** R.v + Rb for gate row {@code row}. */
  private static double rv(Case c, Tensor r, int d, int row, double[] v) {
    double acc = at(c.b(), d, 3 * H + row);
    for (int j = 0; j < H; j++) {
      acc += at(r, d, row, j) * v[j];
    }
    return acc;
  }

  /** The ONNX GRU equations written out per unit; returns Y (time-major) and Y_h. */
  private static float[][] reference(Case c) {
    Tensor w = c.w();
    Tensor r = c.r();
    float[] y = new float[SEQ * c.dirs() * BATCH * H];
    float[] yh = new float[c.dirs() * BATCH * H];
    for (int d = 0; d < c.dirs(); d++) {
      for (int b = 0; b < BATCH; b++) {
        double[] h = new double[H];
        for (int k = 0; k < H; k++) {
          h[k] = at(c.h0(), d, b, k);
        }
        int len = c.lens() == null ? SEQ : c.lens()[b];
        for (int s = 0; s < len; s++) {
          int t = c.reverse() || d == 1 ? len - 1 - s : s;
          double[] z = new double[H];
          double[] rg = new double[H];
          double[] rh = new double[H];
          for (int k = 0; k < H; k++) {
            z[k] = sigmoid(clip(wx(c, w, d, k, t, b) + rv(c, r, d, k, h), c.clip()));
            rg[k] = sigmoid(clip(wx(c, w, d, H + k, t, b) + rv(c, r, d, H + k, h), c.clip()));
            rh[k] = rg[k] * h[k];
          }
          double[] newH = new double[H];
          for (int k = 0; k < H; k++) {
            int row = 2 * H + k;
            double pre = c.linearBeforeReset() ? wx(c, w, d, row, t, b) + rg[k] * rv(c, r, d, row, h)
                : wx(c, w, d, row, t, b) + rv(c, r, d, row, rh);
            double cand = Math.tanh(clip(pre, c.clip()));
            newH[k] = (1 - z[k]) * cand + z[k] * h[k];
          }
          h = newH;
          for (int k = 0; k < H; k++) {
            y[((t * c.dirs() + d) * BATCH + b) * H + k] = (float) h[k];
          }
        }
        for (int k = 0; k < H; k++) {
          yh[(d * BATCH + b) * H + k] = len == 0 ? 0 : (float) h[k];
        }
      }
    }
    return new float[][] {y, yh};
  }

  private static NodeRunner node(Case c) {
    NodeRunner n = NodeRunner.op("GRU").outputs(2);
    if (c.dirs() == 2) {
      n.attr("direction", Attribute.ofString("bidirectional"));
    } else if (c.reverse()) {
      n.attr("direction", Attribute.ofString("reverse"));
    }
    if (c.clip() < Double.POSITIVE_INFINITY) {
      n.attr("clip", Attribute.ofFloat((float) c.clip()));
    }
    if (c.linearBeforeReset()) {
      n.attr("linear_before_reset", Attribute.ofInt(1));
    }
    Tensor lens = c.lens() == null ? null : Tensor.vector(DType.INT32, c.lens()[0], c.lens()[1]);
    return n.input(X).constInput(c.w()).constInput(c.r()).constInput(c.b()).input(lens).input(c.h0());
  }

  private static void check(Case c) throws Exception {
    List<Tensor> out = node(c).run();
    float[][] expected = reference(c);
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(expected[i], out.get(i).floats(), 1e-5f, "output " + i);
    }
  }

  @Test
  void forwardDefaults() throws Exception {
    check(new Case(1, false, null, null, null, Double.POSITIVE_INFINITY, false));
  }

  @Test
  void forwardWithBiasAndInitialState() throws Exception {
    check(new Case(1, false, random(14, 1, 6 * H), null, random(15, 1, BATCH, H), Double.POSITIVE_INFINITY,
        false));
  }

  @Test
  void linearBeforeResetAppliesTheResetGateAfterTheProduct() throws Exception {
    check(new Case(1, false, random(14, 1, 6 * H), null, random(15, 1, BATCH, H), Double.POSITIVE_INFINITY,
        true));
  }

  @Test
  void reverseWithClip() throws Exception {
    check(new Case(1, true, random(14, 1, 6 * H), null, null, 0.2, false));
  }

  @Test
  void bidirectionalWithSequenceLengths() throws Exception {
    check(new Case(2, false, random(14, 2, 6 * H), new int[] {1, 3}, random(15, 2, BATCH, H),
        Double.POSITIVE_INFINITY, true));
  }

  @Test
  void batchFirstLayout() throws Exception {
    Case c = new Case(1, false, random(14, 1, 6 * H), null, random(15, 1, BATCH, H), Double.POSITIVE_INFINITY,
        false);
    List<Tensor> timeMajor = node(c).run();
    List<Tensor> out = NodeRunner.op("GRU").opset(14).outputs(2).attr("layout", Attribute.ofInt(1))
        .input(swap01(X)).constInput(c.w()).constInput(c.r()).constInput(c.b()).input(null)
        .input(swap01(c.h0())).run();
    assertEquals(batchFirstY(timeMajor.get(0)), out.get(0), "Y is [batch, seq, dirs, hidden]");
    assertEquals(swap01(timeMajor.get(1)), out.get(1));
  }

  @Test
  void invalidAttributesAndShapesAreReported() {
    Case c = new Case(1, false, random(14, 1, 3 * H), null, null, Double.POSITIVE_INFINITY, false);
    assertEquals(Code.TX050, node(c).diagnostics().get(0).code(), "B needs 6*hidden values");
    var lbr = NodeRunner.op("GRU").attr("linear_before_reset", Attribute.ofInt(2)).input(X)
        .constInput(random(12, 1, 3 * H, IN)).constInput(random(13, 1, 3 * H, H)).diagnostics();
    assertEquals(Code.TX040, lbr.get(0).code());
    var act = NodeRunner.op("GRU").attr("activations", Attribute.ofStrings(List.of("HardSigmoid", "Tanh")))
        .input(X).constInput(random(12, 1, 3 * H, IN)).constInput(random(13, 1, 3 * H, H)).diagnostics();
    assertEquals(Code.TX040, act.get(0).code());
  }
}
