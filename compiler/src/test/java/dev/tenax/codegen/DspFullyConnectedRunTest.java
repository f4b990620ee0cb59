package dev.tenax.codegen;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.OnnxModelBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DSP fully-connected kernel's paths on the shapes of small layers, as QDQ models (so the
 * test, not the quantizer, picks zero points, per-tensor or per-channel scales and clamps), run
 * under QEMU and compared bit for bit with the Java integer evaluator: rows of 1-70 inputs and of
 * 8 (inputs in registers), 16-128 (the three-output blocks of eight), other multiples of 4 (the
 * four-output blocks) and the rest (the dot-product loops), 1-130 outputs (every remainder after the blocks), one or two batch rows, input and
 * output zero points at -128 and 127, per-tensor scales (the same multiplier and shift for every
 * output) and per-channel ones with shifts outside the asm output stage's range, an activation
 * clamp inside int8 or none, with and without a bias.
 */
class DspFullyConnectedRunTest {
  static final int BRANCHES = 10;

  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"cortex-m4, 31", "cortex-m4, 32", "cortex-m7, 33", "cortex-m33, 34"})
  void smallFullyConnectedLayersRunBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    for (int i = 0; i < BRANCHES; i++) {
      fcBranch(b, r, i);
    }
    DspKernelsRunTest.runQdqBitExact(b, target, r, dir, target + " seed " + seed);
  }

  /** A zero point: -128 or 127 a quarter of the time each, else anywhere in int8. */
  private static long zeroPoint(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> -128;
      case 1 -> 127;
      default -> -128 + r.nextInt(256);
    };
  }

  /** x{i} -> Q -> DQ -> Gemm (int8 weights, int32 bias or none) [-> Clip] -> Q -> DQ -> y{i}. */
  private static void fcBranch(OnnxModelBuilder b, Random r, int i) {
    String x = "x" + i;
    int in = switch (r.nextInt(6)) {
      case 0, 1 -> 1 + r.nextInt(70);
      case 2 -> 8; // the inputs kept in registers
      case 3 -> 16 << r.nextInt(4); // 16, 32, 64, 128
      case 4 -> 64;
      default -> 4 * (1 + r.nextInt(32));
    };
    int out = 1 + r.nextInt(r.nextBoolean() ? 13 : 130);
    int rows = 1 + r.nextInt(2);
    float xs = 0.02f + r.nextFloat() * 0.03f;
    long xzp = zeroPoint(r);
    float ys = 0.02f + r.nextFloat() * 0.05f;
    long yzp = zeroPoint(r);
    boolean perTensor = r.nextBoolean();
    long[] wq = new long[out * in];
    for (int k = 0; k < wq.length; k++) {
      wq[k] = -127 + r.nextInt(255);
    }
    float[] ws = new float[out];
    float[] bs = new float[out];
    long[] bq = new long[out];
    float tensorScale = (0.5f + r.nextFloat()) / (in * 4f);
    for (int o = 0; o < out; o++) {
      ws[o] = perTensor ? tensorScale : (0.5f + r.nextFloat()) / (in * 4f);
      if (!perTensor && r.nextInt(6) == 0) {
        // shifts outside the asm blocks' range [-17, -2] (their block takes the exact C path)
        ws[o] *= switch (r.nextInt(3)) {
          case 0 -> 64f * in;
          case 1 -> 1e-4f;
          default -> 1e-7f;
        };
      }
      bs[o] = xs * ws[o];
      bq[o] = -3000 + r.nextInt(6000);
    }
    b.initializer("xs" + i, Tensor.scalar(xs)).initializer("xzp" + i, Tensor.scalar(DType.INT8, xzp))
        .initializer("wq" + i, Tensor.ofLongs(DType.INT8, new int[] {out, in}, wq))
        .initializer("ys" + i, Tensor.scalar(ys)).initializer("yzp" + i, Tensor.scalar(DType.INT8, yzp))
        .node("QuantizeLinear", List.of(x, "xs" + i, "xzp" + i), List.of("xq" + i))
        .node("DequantizeLinear", List.of("xq" + i, "xs" + i, "xzp" + i), List.of("xd" + i));
    if (perTensor) {
      b.initializer("ws" + i, Tensor.scalar(tensorScale)).initializer("wzp" + i, Tensor.scalar(DType.INT8, 0L))
          .node("DequantizeLinear", List.of("wq" + i, "ws" + i, "wzp" + i), List.of("wd" + i));
    } else {
      b.initializer("ws" + i, Tensor.ofFloats(new int[] {out}, ws))
          .initializer("wzp" + i, Tensor.zeros(DType.INT8, new int[] {out}))
          .node("DequantizeLinear", List.of("wq" + i, "ws" + i, "wzp" + i), List.of("wd" + i),
              Map.of("axis", Attribute.ofInt(0)));
    }
    List<String> gemmIn = new ArrayList<>(List.of("xd" + i, "wd" + i));
    if (r.nextInt(5) != 0) {
      b.initializer("bq" + i, Tensor.ofLongs(DType.INT32, new int[] {out}, bq))
          .initializer("bs" + i, Tensor.ofFloats(new int[] {out}, bs))
          .initializer("bzp" + i, Tensor.zeros(DType.INT32, new int[] {out}))
          .node("DequantizeLinear", List.of("bq" + i, "bs" + i, "bzp" + i), List.of("bd" + i),
              Map.of("axis", Attribute.ofInt(0)));
      gemmIn.add("bd" + i);
    }
    b.input(x, DType.FLOAT32, rows, in);
    b.node("Gemm", gemmIn, List.of("c" + i), Map.of("transB", Attribute.ofInt(1)));
    String quantized = "c" + i;
    if (r.nextBoolean()) {
      // a Clip inside the output's range [ys * (-128 - yzp), ys * (127 - yzp)]: act_min > -128
      // and act_max < 127, the SSUB8/SEL clamps of the asm blocks
      float lo = ys * (-128 - yzp) + ys * (1 + r.nextInt(40));
      float hi = ys * (127 - yzp) - ys * (1 + r.nextInt(40));
      b.initializer("lo" + i, Tensor.scalar(lo)).initializer("hi" + i, Tensor.scalar(hi))
          .node("Clip", List.of("c" + i, "lo" + i, "hi" + i), List.of("k" + i));
      quantized = "k" + i;
    }
    b.node("QuantizeLinear", List.of(quantized, "ys" + i, "yzp" + i), List.of("kq" + i))
        .node("DequantizeLinear", List.of("kq" + i, "ys" + i, "yzp" + i), List.of("y" + i));
    b.output("y" + i, DType.FLOAT32, rows, out);
  }
}
