package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.hostrun.Msp430Run;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.OnnxModelBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MSP430 float-to-int8 quantization (runtime-c/msp430-hwmult/src/tx_quantize_f32_s8.c, integer
 * division in assembly on the part) under mspdebug sim, on the inputs where its roundings matter:
 * quotients within a few ulps of a half-integer, random bit patterns of every magnitude around the
 * scale, zeros, infinities and NaN. A QuantizeLinear and DequantizeLinear pair, compiled as the
 * kernels tx_quantize_f32_s8 and tx_dequantize_s8_f32, must give the Java evaluator's bits. The
 * host cross-checks (QuantizeF32S8Test) run the same file's portable C, not this assembly.
 */
class Msp430QuantizeRunTest {
  /** Not a multiple of 4: the Cortex-M kernel's four-element loop leaves a tail of three. */
  static final int VALUES = 387;

  @ParameterizedTest(name = "scale {0}, zero point {1}")
  @CsvSource({"0.0039215689, -128", "0.0123456, 3", "7.25, 127", "1.1754944E-38, 0"})
  void roundsAsTheFloatDivisionDoes(float scale, int zeroPoint, @TempDir Path dir) throws Exception {
    Msp430RunTest.requireToolchain();
    Program p = compilePair(scale, zeroPoint, "msp430fr5994", dir);
    Map<String, Tensor> feed = adversarialFeed(p, scale);
    Tensor want = ProgramInterpreter.run(p, feed).values().iterator().next();
    Tensor got = Msp430Run.run(ProjectManifest.read(dir), feed, 300).outputs().values().iterator().next();
    assertArrayEquals(HostModelsTest.bits(want), HostModelsTest.bits(got));
  }

  /** A QuantizeLinear and DequantizeLinear pair of VALUES values compiled for {@code target} into dir. */
  static Program compilePair(float scale, int zeroPoint, String target, Path dir) throws Exception {
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13)
        .input("x", DType.FLOAT32, 1, VALUES).output("y", DType.FLOAT32, 1, VALUES)
        .initializer("s", Tensor.scalar(scale)).initializer("zp", Tensor.scalar(DType.INT8, zeroPoint));
    b.node("QuantizeLinear", List.of("x", "s", "zp"), List.of("q"));
    b.node("DequantizeLinear", List.of("q", "s", "zp"), List.of("y"));
    Graph g = Pipeline.standard().run(new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults())
        .importModel(b.build()));
    ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("q", target, null, "test", "q.onnx", "0"), dir);
    Program p = r.program();
    assertEquals(List.of("tx_quantize_f32_s8", "tx_dequantize_s8_f32"),
        p.steps().stream().map(s -> s.kernel()).toList(), "the pair must run as the two kernels");
    return p;
  }

  /** The pair's input: {@link #adversarial} values for this scale. */
  static Map<String, Tensor> adversarialFeed(Program p, float scale) {
    Tensor x = Tensor.ofFloats(new int[] {1, VALUES}, adversarial(scale, new Random(Float.floatToIntBits(scale))));
    return Map.of(p.inputs().get(0).name(), x);
  }

  /** Near-ties of the quotient, random bits around the scale's exponent, and the special values. */
  static float[] adversarial(float scale, Random r) {
    float[] x = new float[VALUES];
    float[] special = {0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE,
        -Float.MAX_VALUE, 255.5f * scale, -128.5f * scale, 0.5f * scale, -0.5f * scale, 511f * scale};
    System.arraycopy(special, 0, x, 0, special.length);
    for (int i = special.length; i < VALUES; i++) {
      if (r.nextBoolean()) {
        float tie = (float) ((r.nextInt(600) - 300 + 0.5) * (double) scale);
        x[i] = Float.intBitsToFloat(Float.floatToIntBits(tie) + r.nextInt(7) - 3);
      } else {
        int e = Math.max(0, Math.min(254, (Float.floatToIntBits(scale) >>> 23) + r.nextInt(40) - 30));
        x[i] = Float.intBitsToFloat((r.nextInt(2) << 31) | (e << 23) | r.nextInt(0x800000));
      }
    }
    // saturations and a tie in the last three, which such a loop's tail computes
    x[VALUES - 3] = Float.NEGATIVE_INFINITY;
    x[VALUES - 2] = 255.5f * scale;
    x[VALUES - 1] = Float.NaN;
    return x;
  }
}
