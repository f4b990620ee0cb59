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

class LSTMTest {
  private static final int SEQ = 3;
  private static final int BATCH = 2;
  private static final int IN = 3;
  private static final int H = 2;
  private static final Tensor X = random(1, SEQ, BATCH, IN);

  /** Inputs of one case; null tensors are omitted inputs. */
  private record Case(int dirs, boolean reverse, Tensor b, int[] lens, Tensor h0, Tensor c0, Tensor p,
      double clip, boolean inputForget) {
    Tensor w() {
      return random(2, dirs, 4 * H, IN);
    }

    Tensor r() {
      return random(3, dirs, 4 * H, H);
    }
  }

  /** The ONNX LSTM equations written out per unit; returns Y (time-major), Y_h and Y_c. */
  private static float[][] reference(Case c) {
    Tensor w = c.w();
    Tensor r = c.r();
    float[] y = new float[SEQ * c.dirs() * BATCH * H];
    float[] yh = new float[c.dirs() * BATCH * H];
    float[] yc = new float[yh.length];
    for (int d = 0; d < c.dirs(); d++) {
      for (int b = 0; b < BATCH; b++) {
        double[] h = new double[H];
        double[] cell = new double[H];
        for (int k = 0; k < H; k++) {
          h[k] = at(c.h0(), d, b, k);
          cell[k] = at(c.c0(), d, b, k);
        }
        int len = c.lens() == null ? SEQ : c.lens()[b];
        for (int s = 0; s < len; s++) {
          int t = c.reverse() || d == 1 ? len - 1 - s : s;
          double[] pre = new double[4 * H];
          for (int row = 0; row < 4 * H; row++) {
            pre[row] = at(c.b(), d, row) + at(c.b(), d, 4 * H + row);
            for (int i = 0; i < IN; i++) {
              pre[row] += at(w, d, row, i) * at(X, t, b, i);
            }
            for (int j = 0; j < H; j++) {
              pre[row] += at(r, d, row, j) * h[j];
            }
          }
          double[] newH = new double[H];
          for (int k = 0; k < H; k++) {
            double ig = sigmoid(clip(pre[k] + at(c.p(), d, k) * cell[k], c.clip()));
            double fg = c.inputForget() ? 1 - ig
                : sigmoid(clip(pre[2 * H + k] + at(c.p(), d, 2 * H + k) * cell[k], c.clip()));
            double cand = Math.tanh(clip(pre[3 * H + k], c.clip()));
            cell[k] = fg * cell[k] + ig * cand;
            double og = sigmoid(clip(pre[H + k] + at(c.p(), d, H + k) * cell[k], c.clip()));
            newH[k] = og * Math.tanh(clip(cell[k], c.clip()));
          }
          h = newH;
          for (int k = 0; k < H; k++) {
            y[((t * c.dirs() + d) * BATCH + b) * H + k] = (float) h[k];
          }
        }
        for (int k = 0; k < H; k++) {
          yh[(d * BATCH + b) * H + k] = len == 0 ? 0 : (float) h[k];
          yc[(d * BATCH + b) * H + k] = len == 0 ? 0 : (float) cell[k];
        }
      }
    }
    return new float[][] {y, yh, yc};
  }

  private static NodeRunner node(Case c) {
    NodeRunner n = NodeRunner.op("LSTM").outputs(3).attr("hidden_size", Attribute.ofInt(H));
    if (c.dirs() == 2) {
      n.attr("direction", Attribute.ofString("bidirectional"));
    } else if (c.reverse()) {
      n.attr("direction", Attribute.ofString("reverse"));
    }
    if (c.clip() < Double.POSITIVE_INFINITY) {
      n.attr("clip", Attribute.ofFloat((float) c.clip()));
    }
    if (c.inputForget()) {
      n.attr("input_forget", Attribute.ofInt(1));
    }
    Tensor lens = c.lens() == null ? null : Tensor.vector(DType.INT32, c.lens()[0], c.lens()[1]);
    return n.input(X).constInput(c.w()).constInput(c.r()).constInput(c.b()).input(lens).input(c.h0())
        .input(c.c0()).constInput(c.p());
  }

  private static void check(Case c) throws Exception {
    List<Tensor> out = node(c).run();
    float[][] expected = reference(c);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(expected[i], out.get(i).floats(), 1e-5f, "output " + i);
    }
  }

  @Test
  void forwardDefaults() throws Exception {
    check(new Case(1, false, null, null, null, null, null, Double.POSITIVE_INFINITY, false));
  }

  @Test
  void forwardWithBiasInitialStatesAndPeepholes() throws Exception {
    check(new Case(1, false, random(4, 1, 8 * H), null, random(5, 1, BATCH, H), random(6, 1, BATCH, H),
        random(7, 1, 3 * H), Double.POSITIVE_INFINITY, false));
  }

  @Test
  void reverseWithClipAndCoupledGates() throws Exception {
    check(new Case(1, true, random(4, 1, 8 * H), null, null, random(6, 1, BATCH, H), null, 0.3, true));
  }

  @Test
  void bidirectionalWithSequenceLengths() throws Exception {
    check(new Case(2, false, random(4, 2, 8 * H), new int[] {2, 0}, random(5, 2, BATCH, H), null,
        random(7, 2, 3 * H), Double.POSITIVE_INFINITY, false));
  }

  @Test
  void batchFirstLayoutTransposesInputsAndOutputs() throws Exception {
    Case c = new Case(2, false, random(4, 2, 8 * H), null, random(5, 2, BATCH, H), random(6, 2, BATCH, H),
        null, Double.POSITIVE_INFINITY, false);
    List<Tensor> timeMajor = node(c).run();
    List<Tensor> out = NodeRunner.op("LSTM").opset(14).outputs(3).attr("layout", Attribute.ofInt(1))
        .attr("direction", Attribute.ofString("bidirectional")).input(swap01(X)).constInput(c.w())
        .constInput(c.r()).constInput(c.b()).input(null).input(swap01(c.h0())).input(swap01(c.c0())).run();
    assertEquals(batchFirstY(timeMajor.get(0)), out.get(0), "Y is [batch, seq, dirs, hidden]");
    assertEquals(swap01(timeMajor.get(1)), out.get(1));
    assertEquals(swap01(timeMajor.get(2)), out.get(2));
  }

  @Test
  void peepholesAndInitialCellMustHaveTheirShapes() {
    Case c = new Case(1, false, null, null, null, null, random(7, 1, 2 * H), Double.POSITIVE_INFINITY, false);
    assertEquals(Code.TX050, node(c).diagnostics().get(0).code());
    Case c0 = new Case(1, false, null, null, null, random(6, 1, 1, H), null, Double.POSITIVE_INFINITY, false);
    assertEquals(Code.TX050, node(c0).diagnostics().get(0).code());
    var lbr = NodeRunner.op("LSTM").attr("input_forget", Attribute.ofInt(2)).input(X)
        .constInput(random(2, 1, 4 * H, IN)).constInput(random(3, 1, 4 * H, H)).diagnostics();
    assertEquals(Code.TX040, lbr.get(0).code());
  }
}
