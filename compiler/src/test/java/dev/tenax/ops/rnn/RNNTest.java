package dev.tenax.ops.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** hidden_size 1 and input size 1, so every step is a scalar formula. */
class RNNTest {
  private static final Tensor X = NodeRunner.floats(new int[] {3, 1, 1}, 1, -2, 3);
  private static final Tensor W = NodeRunner.floats(new int[] {1, 1, 1}, 0.5f);
  private static final Tensor R = NodeRunner.floats(new int[] {1, 1, 1}, 0.25f);
  private static final Tensor B = NodeRunner.floats(new int[] {1, 2}, 0.1f, 0.2f);

  /** h after each of the steps over xs taken in the order given. */
  private static float[] steps(DoubleUnaryOperator f, double h0, double... xs) {
    float[] r = new float[xs.length];
    double h = h0;
    for (int i = 0; i < xs.length; i++) {
      h = f.applyAsDouble(0.5 * xs[i] + 0.25 * h + 0.3);
      r[i] = (float) h;
    }
    return r;
  }

  @Test
  void forwardWithBiasAndInitialState() throws Exception {
    Tensor h0 = NodeRunner.floats(new int[] {1, 1, 1}, -0.5f);
    List<Tensor> out = NodeRunner.op("RNN").outputs(2).attr("hidden_size", Attribute.ofInt(1)).input(X)
        .constInput(W).constInput(R).constInput(B).input(null).constInput(h0).run();
    float[] h = steps(Math::tanh, -0.5, 1, -2, 3);
    assertArrayEquals(new int[] {3, 1, 1, 1}, out.get(0).shape());
    assertArrayEquals(h, out.get(0).floats(), 1e-6f);
    assertArrayEquals(new float[] {h[2]}, out.get(1).floats(), 1e-6f);
  }

  @Test
  void reverseRunsFromTheLastStep() throws Exception {
    List<Tensor> out = NodeRunner.op("RNN").outputs(2).attr("direction", Attribute.ofString("reverse"))
        .input(X).constInput(W).constInput(R).constInput(B).run();
    float[] h = steps(Math::tanh, 0, 3, -2, 1);
    assertArrayEquals(new float[] {h[2], h[1], h[0]}, out.get(0).floats(), 1e-6f);
    assertArrayEquals(new float[] {h[2]}, out.get(1).floats(), 1e-6f);
  }

  @Test
  void bidirectionalWithSequenceLengthsAndRelu() throws Exception {
    // batch 2: row 0 is {1, -2, 3}, row 1 is {2} followed by padding
    Tensor x = NodeRunner.floats(new int[] {3, 2, 1}, 1, 2, -2, 9, 3, 9);
    Tensor w = NodeRunner.floats(new int[] {2, 1, 1}, 0.5f, 0.5f);
    Tensor r = NodeRunner.floats(new int[] {2, 1, 1}, 0.25f, 0.25f);
    Tensor b = NodeRunner.floats(new int[] {2, 2}, 0.1f, 0.2f, 0.1f, 0.2f);
    Tensor lens = Tensor.vector(DType.INT32, 3, 1);
    List<Tensor> out = NodeRunner.op("RNN").outputs(2).attr("direction", Attribute.ofString("bidirectional"))
        .attr("activations", Attribute.ofStrings(List.of("Relu", "Tanh"))).input(x).constInput(w)
        .constInput(r).constInput(b).constInput(lens).run();
    DoubleUnaryOperator relu = v -> Math.max(0, v);
    float[] f0 = steps(relu, 0, 1, -2, 3);
    float[] b0 = steps(Math::tanh, 0, 3, -2, 1);
    float f1 = steps(relu, 0, 2)[0];
    float b1 = steps(Math::tanh, 0, 2)[0];
    // Y is [seq, dirs, batch, hidden]
    assertArrayEquals(new float[] {f0[0], f1, b0[2], b1, f0[1], 0, b0[1], 0, f0[2], 0, b0[0], 0},
        out.get(0).floats(), 1e-6f);
    assertArrayEquals(new float[] {f0[2], f1, b0[2], b1}, out.get(1).floats(), 1e-6f);
  }

  @Test
  void batchFirstLayout() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {1, 3, 1}, 1, -2, 3);
    List<Tensor> out = NodeRunner.op("RNN").opset(14).outputs(2).attr("layout", Attribute.ofInt(1))
        .input(x).constInput(W).constInput(R).constInput(B).run();
    assertArrayEquals(new int[] {1, 3, 1, 1}, out.get(0).shape());
    assertArrayEquals(steps(Math::tanh, 0, 1, -2, 3), out.get(0).floats(), 1e-6f);
    assertArrayEquals(new int[] {1, 1, 1}, out.get(1).shape());
  }

  @Test
  void clipBoundsTheActivationInput() throws Exception {
    Tensor y = NodeRunner.op("RNN").attr("clip", Attribute.ofFloat(0.4f))
        .attr("activations", Attribute.ofStrings(List.of("Relu"))).input(X).constInput(W).constInput(R)
        .constInput(B).run().get(0);
    float[] h = steps(v -> Math.max(0, Math.min(0.4, v)), 0, 1, -2, 3);
    assertArrayEquals(h, y.floats(), 1e-6f);
  }

  @Test
  void invalidAttributesAndShapesAreReported() {
    assertEquals(Code.TX040, NodeRunner.op("RNN").attr("activations", Attribute.ofStrings(List.of("Elu")))
        .input(X).constInput(W).constInput(R).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("RNN").attr("hidden_size", Attribute.ofInt(2))
        .input(X).constInput(W).constInput(R).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("RNN").attr("activations", Attribute.ofStrings(List.of("Relu",
        "Tanh"))).input(X).constInput(W).constInput(R).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("RNN").input(X).constInput(W).constInput(R).input(null)
        .constInput(Tensor.vector(DType.INT32, 4)).diagnostics().get(0).code(), "length beyond seq");
    assertEquals(Code.TX040, NodeRunner.op("RNN").attr("direction", Attribute.ofString("both"))
        .input(X).constInput(W).constInput(R).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("RNN").input(X).constInput(W)
        .constInput(NodeRunner.floats(new int[] {1, 1, 2}, 1, 1)).diagnostics().get(0).code());
  }
}
