package dev.tenax.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.steps.DequantizeStep;
import dev.tenax.lower.steps.QuantizeStep;
import dev.tenax.lower.steps.QuantizeTransposeStep;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.SharedData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ModelIo#QUANTIZED} on the MLPerf Tiny QDQ models: the boundary steps are gone, the
 * inputs are the int8 tensors the float build's first step computes, and every output is
 * exactly the float build's output before its last step dequantized it (or, for an output that
 * is not dequantized at the boundary, the same float32 values).
 */
public class QuantizedIoTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "mlperf-tiny-ad-autoencoder-int8-qdq/deep_autoencoder.onnx, 1, 1",
      "mlperf-tiny-ic-resnet8-int8-qdq/resnet.onnx, 1, 0",
      "mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx, 1, 0",
      "mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx, 1, 0"})
  void quantizedBuildComputesTheFloatBuildsIntegers(String file, int quantizedInputs, int quantizedOutputs)
      throws Exception {
    Graph g = Pipeline.standard().run(ModelImporter.load(SharedData.require("models/" + file),
        ImportOptions.defaults()));
    Program ints = Lowering.lower(g, OperatorRegistry.standard(), ModelIo.QUANTIZED);
    assertEquals(quantizedInputs, ints.inputs().stream().filter(i -> i.type().dtype() == DType.INT8).count());
    assertEquals(quantizedOutputs, ints.outputs().stream().filter(o -> o.type().dtype() == DType.INT8).count());
    assertComputesTheFloatBuildsIntegers(g, file);
  }

  /**
   * Lowers {@code g} both ways and checks, on random inputs, that the quantized build lost exactly
   * the boundary steps of the quantized inputs and outputs and returns the float build's integers.
   */
  public static Program assertComputesTheFloatBuildsIntegers(Graph g, String file) throws Exception {
    Program floats = Lowering.lower(g, OperatorRegistry.standard());
    Program ints = Lowering.lower(g, OperatorRegistry.standard(), ModelIo.QUANTIZED);
    long quantizedInputs = ints.inputs().stream().filter(i -> !i.type().dtype().isFloat()).count();
    long quantizedOutputs = ints.outputs().stream().filter(o -> !o.type().dtype().isFloat()).count();
    // an input the float build quantizes straight into another layout still moves in the quantized build
    long quantizedAndMoved = floats.steps().stream().filter(s -> s instanceof QuantizeTransposeStep q
        && q.in().buffer().kind() == Buffer.Kind.INPUT).count();
    assertEquals(floats.steps().size() - quantizedInputs - quantizedOutputs + quantizedAndMoved, ints.steps().size(),
        file + ": the quantized build drops one boundary step per quantized input and output");
    for (Step s : ints.steps()) {
      boolean boundary = s instanceof QuantizeStep q && q.in().buffer().kind() == Buffer.Kind.INPUT
          || s instanceof QuantizeTransposeStep qt && qt.in().buffer().kind() == Buffer.Kind.INPUT
          || s instanceof DequantizeStep d && d.out().buffer().kind() == Buffer.Kind.OUTPUT;
      assertFalse(boundary, "a boundary step is left: " + s);
    }

    Random r = new Random(file.hashCode());
    for (int n = 0; n < 2; n++) {
      Map<String, Tensor> feed = new LinkedHashMap<>();
      for (Program.Io in : floats.inputs()) {
        float[] x = new float[in.type().size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) (r.nextGaussian() * 2);
        }
        feed.put(in.name(), Tensor.ofFloats(in.type().shape(), x));
      }
      Memory memory = new Memory();
      Map<String, Tensor> want = ProgramInterpreter.run(floats, feed, memory);
      Map<String, Tensor> quantizedFeed = new LinkedHashMap<>();
      for (Program.Io in : ints.inputs()) {
        quantizedFeed.put(in.name(), in.type().dtype() == DType.FLOAT32 ? feed.get(in.name())
            : quantizedInput(floats, memory, in));
      }
      Map<String, Tensor> got = ProgramInterpreter.run(ints, quantizedFeed);
      for (Program.Io out : ints.outputs()) {
        Tensor t = got.get(out.name());
        assertEquals(out.type(), t.type());
        float[] w = want.get(out.name()).floats();
        if (out.type().dtype() == DType.FLOAT32) {
          assertArrayEquals(w, t.floats(), file + " output " + out.name());
          continue;
        }
        QuantParams q = out.buffer().quant();
        for (int i = 0; i < w.length; i++) {
          float dequantized = (t.longs()[i] - q.zeroPoint()) * q.scale();
          assertEquals(w[i], dequantized, 0f, file + " output " + out.name() + "[" + i + "]");
        }
      }
    }
    return ints;
  }

  /** The int8 tensor the float build's quantize step made of input {@code in}. */
  private static Tensor quantizedInput(Program floats, Memory memory, Program.Io in) {
    for (Step s : floats.steps()) {
      if (s instanceof QuantizeStep q && q.in().buffer().kind() == Buffer.Kind.INPUT
          && q.in().buffer().name().equals(in.name())) {
        // a whole view of the input in the input's own element order, so that the int8 buffer
        // holds the quantized input in the order the caller passes it
        assertTrue(q.in().whole() && q.out().whole() && java.util.Arrays.equals(q.in().perm(), q.out().perm()),
            "the float build quantizes " + in.name() + " in the input's layout");
        assertEquals(q.quant(), in.buffer().quant());
        return in.type().dtype() == DType.INT16
            ? dev.tenax.ir.TensorData.ofInt16s(in.type().shape(), memory.shorts(q.out()))
            : dev.tenax.ir.TensorData.ofInt8s(in.type().shape(), memory.bytes(q.out()));
      }
    }
    for (Step s : floats.steps()) {
      if (s instanceof QuantizeTransposeStep q && q.in().buffer().name().equals(in.name())) {
        // quantized straight into the transposed layout: moved back into the caller's order
        assertEquals(q.quant(), in.buffer().quant());
        byte[] moved = memory.bytes(q.out());
        byte[] own = new byte[moved.length];
        for (int r = 0; r < q.rows(); r++) {
          for (int j = 0; j < q.cols(); j++) {
            own[r * q.cols() + j] = moved[j * q.rows() + r];
          }
        }
        return dev.tenax.ir.TensorData.ofInt8s(in.type().shape(), own);
      }
    }
    throw new AssertionError("the float build does not quantize " + in.name());
  }
}
