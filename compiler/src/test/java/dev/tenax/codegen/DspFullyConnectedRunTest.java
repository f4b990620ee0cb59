package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.OnnxModelBuilder;
import java.nio.file.Files;
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
    DspKernelsRunTest.runQdqBitExact(model(r, DspFullyConnectedRunTest::fcBranch), target, r, dir,
        target + " seed " + seed);
  }

  /** A model of {@link #BRANCHES} branches made by {@code branch} (builder, random, index). */
  private static OnnxModelBuilder model(Random r, Branch branch) {
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    for (int i = 0; i < BRANCHES; i++) {
      branch.add(b, r, i);
    }
    return b;
  }

  private interface Branch {
    void add(OnnxModelBuilder b, Random r, int i);
  }

  /**
   * Small layers in the widened-rows format (tx_arm_dsp_fc_wide.h): both of its paths must be in
   * the project (so they ran) and the outputs bit-exact; then the same layers in an intermittent
   * build whose tiles cut them into runs of rows (odd counts among them, the C tail) pointing
   * into the whole's rows, run without and with power failures.
   */
  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"cortex-m4, 41", "cortex-m4, 42", "cortex-m7, 43", "cortex-m33, 44"})
  void smallLayersAsWidenedRowsRunBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    OnnxModelBuilder b = model(r, DspFullyConnectedRunTest::wideBranch);
    Path whole = dir.resolve("whole");
    DspKernelsRunTest.runQdqBitExact(b, target, r, whole, target + " seed " + seed);
    String config = Files.readString(whole.resolve("tx_config.h"));
    for (String path : List.of("TX_FULLY_CONNECTED_S8_PATH_WIDE8", "TX_FULLY_CONNECTED_S8_PATH_WIDE_PAIRS")) {
      assertTrue(config.contains("#define " + path + " 1"), path + " should be in: " + config);
    }
    Path tiled = dir.resolve("tiled");
    DspKernelsRunTest.runQdqBitExact(b, new EmitOptions("dsp", target, null, "test", "random", "0", 150), r,
        tiled, target + " seed " + seed + ", tiles of 150 MACs", "random:6:" + seed);
    String weights = Files.readString(tiled.resolve("dsp_weights.c"));
    assertTrue(weights.contains("_rows["), "the layers should be widened rows");
    assertTrue(Files.readString(tiled.resolve("dsp.c")).contains("_rows + "), "tiles should point into the rows");
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
    float ys = 0.02f + r.nextFloat() * 0.05f;
    boolean perTensor = r.nextBoolean();
    float[] ws = new float[out];
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
    }
    gemmBranch(b, r, i, in, rows, xs, ys, perTensor, ws);
  }

  /**
   * A layer for the widened rows (CortexMFcOperands): rows of 8 or a multiple of 32 inputs (8 for
   * {@code i} 0, 256 for 1), at most 4 KB of widened weights, every output's shift drawn from the
   * output stage's whole range [-23, -2] (a real multiplier of 0.75 * 2^shift), per-tensor or
   * per-channel, out counts with every remainder after the asm's fours and pairs.
   */
  private static void wideBranch(OnnxModelBuilder b, Random r, int i) {
    int in = i == 0 ? 8 : i == 1 ? 256 : switch (r.nextInt(4)) {
      case 0 -> 8;
      case 1 -> 32;
      case 2 -> 64 * (1 + r.nextInt(2));
      default -> 96;
    };
    int maxOut = Math.min(CortexMFcOperands.MAX_WIDE_WEIGHT_BYTES / (2 * in), 40);
    int out = i == 0 ? 128 + r.nextInt(4) : 1 + r.nextInt(maxOut);
    float xs = 0.02f + r.nextFloat() * 0.03f;
    float ys = 0.02f + r.nextFloat() * 0.05f;
    boolean perTensor = r.nextBoolean();
    float[] ws = new float[out];
    int tensorShift = -2 - r.nextInt(22);
    for (int o = 0; o < out; o++) {
      int shift = perTensor ? tensorShift : -2 - r.nextInt(22);
      ws[o] = (float) (0.75 * Math.pow(2, shift) * ys / xs);
    }
    gemmBranch(b, r, i, in, 1 + r.nextInt(2), xs, ys, perTensor, ws);
  }

  /** The branch of {@code in} inputs with weight scales {@code ws} (one per output). */
  private static void gemmBranch(OnnxModelBuilder b, Random r, int i, int in, int rows, float xs, float ys,
      boolean perTensor, float[] ws) {
    String x = "x" + i;
    int out = ws.length;
    long xzp = zeroPoint(r);
    long yzp = zeroPoint(r);
    float tensorScale = ws[0];
    long[] wq = new long[out * in];
    for (int k = 0; k < wq.length; k++) {
      wq[k] = -127 + r.nextInt(255);
    }
    float[] bs = new float[out];
    long[] bq = new long[out];
    for (int o = 0; o < out; o++) {
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
