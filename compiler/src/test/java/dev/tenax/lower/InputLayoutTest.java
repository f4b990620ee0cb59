package dev.tenax.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.steps.QuantizeTransposeStep;
import dev.tenax.lower.steps.TransposeS8Step;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.SharedData;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link InputLayout#NHWC} on MobileNet VWW (an NCHW input the first convolution reads channels
 * last): the input is passed as [1, 96, 96, 3], the move to NHWC is gone (a transpose step; with
 * float32 input the quantization writes NHWC either way), and on the same pixels
 * the outputs are the model-layout build's, bit for bit, with float32 and with quantized I/O.
 */
class InputLayoutTest {
  @ParameterizedTest
  @EnumSource(ModelIo.class)
  void channelsLastInputsDropTheTransposeAndKeepTheBits(ModelIo io) throws Exception {
    Graph g = Pipeline.standard().run(ModelImporter.load(
        SharedData.require("models/mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx"), ImportOptions.defaults()));
    Program nchw = Lowering.lower(g, OperatorRegistry.standard(), io, InputLayout.MODEL);
    Program nhwc = Lowering.lower(g, OperatorRegistry.standard(), io, InputLayout.NHWC);
    Program.Io in = nhwc.inputs().get(0);
    assertArrayEquals(new int[] {1, 96, 96, 3}, in.type().shape());
    assertArrayEquals(new int[] {1, 3, 96, 96}, in.modelShape());
    assertTrue(in.permuted() && !nchw.inputs().get(0).permuted());
    // with float32 input the model-layout build quantizes straight into NHWC (one call either way)
    Class<?> move = io == ModelIo.FLOAT ? QuantizeTransposeStep.class : TransposeS8Step.class;
    assertEquals(1, nchw.steps().stream().filter(move::isInstance).count());
    assertEquals(0, nhwc.steps().stream().filter(s -> s instanceof TransposeS8Step || s instanceof QuantizeTransposeStep).count());
    assertEquals(nchw.steps().size() - (io == ModelIo.FLOAT ? 0 : 1), nhwc.steps().size());

    Random r = new Random(5);
    float[] planar = new float[3 * 96 * 96];
    for (int i = 0; i < planar.length; i++) {
      planar[i] = (float) (r.nextDouble() * 4 - 2);
    }
    float[] interleaved = new float[planar.length];
    for (int c = 0; c < 3; c++) {
      for (int p = 0; p < 96 * 96; p++) {
        interleaved[p * 3 + c] = planar[c * 96 * 96 + p];
      }
    }
    Program.Io model = nchw.inputs().get(0);
    Tensor a = Tensor.ofFloats(model.modelShape(), planar);
    Tensor b = Tensor.ofFloats(in.type().shape(), interleaved);
    if (io == ModelIo.QUANTIZED) {
      QuantParams q = in.buffer().quant();
      a = quantized(a, q);
      b = quantized(b, q);
    }
    Map<String, Tensor> want = ProgramInterpreter.run(nchw, Map.of(model.name(), a));
    Map<String, Tensor> got = ProgramInterpreter.run(nhwc, Map.of(in.name(), b));
    assertEquals(want, got);
  }

  private static Tensor quantized(Tensor x, QuantParams q) {
    return dev.tenax.ir.TensorData.ofInt8s(x.shape(), dev.tenax.kernels.QuantizeF32S8.run(
        new dev.tenax.kernels.QuantizeF32S8.Params(q.scale(), q.zeroPoint()), x.floats()));
  }
}
