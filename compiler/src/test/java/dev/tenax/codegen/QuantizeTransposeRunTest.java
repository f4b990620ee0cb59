package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.hostrun.CompiledModel;
import dev.tenax.hostrun.Msp430Run;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.HostGcc;
import dev.tenax.testing.OnnxModelBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An NCHW float32 input quantized and moved to NHWC runs as one tx_quantize_transpose_f32_s8 call
 * (lowering's QuantizeTransposeFusion) on every kind of core: the reference C on the host, the
 * FPU's strided loop (cortex-m4, cortex-m55), the integer loop (cortex-m0, cortex-m3 with UDIV,
 * the MSP430), on Msp430QuantizeRunTest's adversarial values (near-ties, every exponent, NaN,
 * infinities): the Java evaluator's bits. 3 x 5 x 29 values: rows of 145, not a multiple of 4, so
 * the four-at-a-time loop leaves a tail.
 */
class QuantizeTransposeRunTest {
  private static final int C = 3;
  private static final int H = 5;
  private static final int W = 29;
  private static final float SCALE = 0.0123456f;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"host", "cortex-m4", "cortex-m55", "cortex-m3", "cortex-m0", "msp430fr5994"})
  void quantizesStraightIntoChannelsLast(String target, @TempDir Path dir) throws Exception {
    if (target.equals("host")) {
      HostGcc.require();
    } else if (target.startsWith("msp430")) {
      Msp430RunTest.requireToolchain();
    } else {
      CortexMRunTest.requireToolchain();
    }
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13)
        .input("x", DType.FLOAT32, 1, C, H, W).output("y", DType.FLOAT32, 1, H, W, C)
        .initializer("s", Tensor.scalar(SCALE)).initializer("zp", Tensor.scalar(DType.INT8, 3));
    b.node("QuantizeLinear", List.of("x", "s", "zp"), List.of("q"));
    b.node("Transpose", List.of("q"), List.of("t"), Map.of("perm", Attribute.ofInts(0, 2, 3, 1)));
    b.node("DequantizeLinear", List.of("t", "s", "zp"), List.of("y"));
    Graph g = Pipeline.standard().run(new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults())
        .importModel(b.build()));
    Program p = ModelCompiler.compile(g, new EmitOptions("qt", target, null, "test", "qt.onnx", "0"), dir).program();
    assertEquals(List.of("tx_quantize_transpose_f32_s8", "tx_dequantize_s8_f32"),
        p.steps().stream().map(s -> s.kernel()).toList(), "the quantize and the transpose must run as one call");

    float[] x = new float[C * H * W];
    float[] values = Msp430QuantizeRunTest.adversarial(SCALE, new Random(7));
    for (int i = 0; i < x.length; i++) {
      x[i] = values[i % values.length];
    }
    Map<String, Tensor> feed = Map.of("x", Tensor.ofFloats(new int[] {1, C, H, W}, x));
    Tensor want = ProgramInterpreter.run(p, feed).get("y");
    Tensor got = switch (target) {
      case "host" -> {
        try (CompiledModel m = CompiledModel.open(dir)) {
          yield m.run(feed).get("y");
        }
      }
      case "msp430fr5994" -> Msp430Run.run(ProjectManifest.read(dir), feed, 300).outputs().get("y");
      default -> QemuRun.run(ProjectManifest.read(dir), feed, 120).outputs().get("y");
    };
    assertArrayEquals(HostModelsTest.bits(want), HostModelsTest.bits(got));
  }
}
