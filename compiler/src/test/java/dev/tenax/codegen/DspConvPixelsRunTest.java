package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.lower.steps.ConvS8Step;
import dev.tenax.testing.OnnxModelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pixel-major path of the DSP conv2d (runtime-c/include/tx_arm_dsp_conv2d_pixels.h: 1x1
 * convolutions over 8 or 16 channels) and the 9x3 windows the im2col path now runs as whole
 * groups, under QEMU, bit for bit with the Java integer evaluator: 8 channels in to 4-64 out
 * (multiples of 4), 16 in to odd and even counts, strides 1 and 2, odd sizes, with and without
 * a bias; and, in a QDQ model of fixed scales, layers whose shifts reach both ends of output
 * stage 1's range [-23, -2] in one layer (the path) or leave it in one channel (-1: the im2col
 * blocks' wide stage; -24: the two-channel loop), which the path must hand on.
 */
class DspConvPixelsRunTest {
  /** {in_c, out_c, stride, bias} of the random layers. */
  private static final int[][] LAYERS = {{8, 16, 1, 1}, {16, 32, 2, 1}, {8, 4, 2, 0}, {16, 5, 1, 1},
      {16, 64, 1, 0}, {8, 64, 2, 1}, {16, 65, 1, 1}, {8, 6, 1, 1}};

  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"cortex-m4, 31", "cortex-m7, 32", "cortex-m33, 33"})
  void randomLayersRunBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    Map<String, float[]> ranges = new HashMap<>();
    ModelCompiler.Result result = RandomLayersTest.compileRandom("px", target, LAYERS.length + 1,
        (b, rr, i, rg) -> layer(b, rr, i, rg), r, ranges, dir);
    Program p = result.program();
    long pixels = p.steps().stream().filter(s -> takes(s, "TX_CONV2D_S8_PATH_PIXELS")).count();
    // 8 -> 6 (not a multiple of 4) and 16 -> 65 (above 64 channels) are left to the im2col path
    assertEquals(LAYERS.length - 2, pixels, "the layers of 8 or 16 channels should take the pixel path");
    String config = Files.readString(dir.resolve("tx_config.h"));
    assertTrue(config.contains("#define TX_CONV2D_S8_PATH_PIXELS 1"), config);
    // the 3x3 RGB layer's 27 taps run as 7 whole groups: no call needs the partial blocks
    assertTrue(config.contains("#define TX_CONV2D_S8_PATH_IM2COL_9X3 1"), config);
    assertTrue(config.contains("#define TX_CONV2D_S8_PATH_IM2COL_PARTIAL 0"), config);
    RandomLayersTest.assertRunsBitExactUnderQemu(p, dir, ranges, r, 2, target + " seed " + seed);
  }

  /** Layer i of LAYERS, or after them a 3x3 RGB stride-2 layer of MobileNet's padding. */
  private static void layer(OnnxModelBuilder b, Random r, int i, Map<String, float[]> ranges) {
    String x = "x" + i;
    float lo = -5 + r.nextFloat() * 6;
    ranges.put(x, new float[] {lo, lo + 0.3f + r.nextFloat() * 4});
    String[] names = {x, "y" + i, "y" + i};
    if (i == LAYERS.length) {
      RandomLayersTest.conv(b, r, i, names, 13, 3, 1 + r.nextInt(12), 1, new int[] {3, 3, 2, 2, 1, 1},
          new int[] {0, 0, 1, 1});
      return;
    }
    int[] l = LAYERS[i];
    RandomLayersTest.conv(b, r, i, names, 11, l[0], l[1], 1, new int[] {1, 1, l[2], l[2], 1, 1}, new int[4],
        l[3] == 1);
  }

  private static boolean takes(Step s, String path) {
    return s instanceof ConvS8Step && DspKernelPaths.paths(s).contains(path);
  }

  /**
   * 1x1 QDQ layers of 8 -> 8 and 16 -> 12 channels whose per-channel scales put the shifts where
   * asked: {-2, -23, ...} inside output stage 1's range, or one channel at -1 or -24.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"cortex-m4", "cortex-m33"})
  void shiftRangesRunBitExact(String target, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(41);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    int[][] shifts = {{-2, -23, -5, -12}, {-23, -2, -9, -1}, {-6, -2, -24, -3}};
    for (int i = 0; i < 2 * shifts.length; i++) {
      qdqPointwise(b, r, i, i % 2 == 0 ? 8 : 16, i % 2 == 0 ? 8 : 12, shifts[i / 2]);
    }
    DspKernelsRunTest.runQdqBitExact(b, target, r, dir, target + " shift ranges");
    String config = Files.readString(dir.resolve("tx_config.h"));
    assertTrue(config.contains("#define TX_CONV2D_S8_PATH_PIXELS 1 /* steps"), config);
    assertTrue(config.contains("#define TX_CONV2D_S8_PATH_IM2COL_POINTWISE 1 /* step"), config);
    assertTrue(config.contains("#define TX_CONV2D_S8_PATH_DSP 1 /* step"), config);
  }

  /**
   * x{i} -> Q -> DQ -> 1x1 Conv (int8 weights of scale per channel chosen so that the requantizing
   * multiplier xs * ws / ys lies in [2^(s-1), 2^s) for shift s = shifts[o % shifts.length]) -> Q ->
   * DQ -> y{i}, without a Clip: the full int8 range.
   */
  static void qdqPointwise(OnnxModelBuilder b, Random r, int i, int c, int out, int[] shifts) {
    qdqPointwise(b, r, i, c, out, shifts, 127);
  }

  /** The same with int8 weights in [-wmax, wmax]: small sums, whose outputs large shifts do not saturate. */
  static void qdqPointwise(OnnxModelBuilder b, Random r, int i, int c, int out, int[] shifts, int wmax) {
    String x = "x" + i;
    float xs = 0.02f + r.nextFloat() * 0.03f;
    long xzp = -128 + r.nextInt(256);
    float ys = 0.02f + r.nextFloat() * 0.05f;
    long yzp = -100 + r.nextInt(200);
    int h = 1 + r.nextInt(7);
    int w = 1 + r.nextInt(7);
    qdqOperandsForShifts(b, r, i, new float[] {xs, ys}, new long[] {xzp, yzp}, new int[] {out, c, 1, 1}, shifts,
        wmax);
    b.input(x, DType.FLOAT32, 1, c, h, w);
    b.node("Conv", List.of("xd" + i, "wd" + i, "bd" + i), List.of("c" + i), Map.of(
        "kernel_shape", Attribute.ofInts(1, 1), "strides", Attribute.ofInts(1, 1),
        "pads", Attribute.ofInts(0, 0, 0, 0), "group", Attribute.ofInt(1)))
        .node("QuantizeLinear", List.of("c" + i, "ys" + i, "yzp" + i), List.of("kq" + i))
        .node("DequantizeLinear", List.of("kq" + i, "ys" + i, "yzp" + i), List.of("y" + i));
    b.output("y" + i, DType.FLOAT32, 1, out, h, w);
  }

  /**
   * {@link DspKernelsRunTest#qdqOperands} for a filter of shape {@code wShape} (output channels first):
   * int8 weights in [-wmax, wmax], and per output channel o a weight scale whose multiplier
   * (input scale * weight scale / output scale) is about 2^shifts[o % n], its bias scale and a
   * random int32 bias (small for the shifts of -1 and above).
   */
  static void qdqOperandsForShifts(OnnxModelBuilder b, Random r, int i, float[] scales, long[] zeroPoints, int[] wShape,
      int[] shifts, int wmax) {
    int out = wShape[0];
    long[] wq = new long[java.util.Arrays.stream(wShape).reduce(1, (x, y) -> x * y)];
    for (int k = 0; k < wq.length; k++) {
      wq[k] = -wmax + r.nextInt(2 * wmax + 1);
    }
    float[] ws = new float[out];
    float[] bs = new float[out];
    long[] bq = new long[out];
    for (int o = 0; o < out; o++) {
      double m = Math.scalb(1.0 + 0.9 * r.nextDouble(), shifts[o % shifts.length] - 1);
      ws[o] = (float) (m * scales[1] / scales[0]);
      bs[o] = scales[0] * ws[o];
      // a large multiplier saturates a large bias's every output: channels of shift -1 and
      // above get a small one, so that their output stages' rounding shows
      bq[o] = shifts[o % shifts.length] >= -1 ? -40 + r.nextInt(80) : -3000 + r.nextInt(6000);
    }
    DspKernelsRunTest.qdqOperands(b, i, scales, zeroPoints, wShape, wq, ws, bq, bs);
  }
}
