package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.OnnxModelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Cortex-M DSP convolution's last block of one pixel (blocks1x1 in tx_arm_dsp_conv2d_blocks.h,
 * TX_CONV2D_S8_PATH_IM2COL_POINTWISE_TAIL): QDQ models of 1x1 convolutions whose output pixel
 * count leaves one after the blocks of four (1, 5, 9, 21 and 25 pixels, one of them of stride 2),
 * over 4-128 input channels and 1-131 output channels (so across the 64-channel chunks of the
 * channel table), clamped or over the full int8 range, some channels with shifts of -1 and above
 * (the wide output stage). The build must take the path and give the evaluator's bits.
 */
class DspPointwiseTailRunTest {
  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"cortex-m4, 31", "cortex-m7, 32", "cortex-m33, 33"})
  void lastBlocksOfOnePixelRunBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    int[][] layers = { // in_c, out_c, h, w, stride
        {4, 1, 1, 1, 1}, {12, 5, 1, 5, 1}, {64, 64, 3, 3, 1}, {128, 131, 3, 3, 1}, {20, 65, 3, 7, 1},
        {32, 7, 5, 5, 2}, {44, 70, 5, 5, 1}};
    for (int i = 0; i < layers.length; i++) {
      pointwise(b, r, i, layers[i], i % 2 == 1);
    }
    DspKernelsRunTest.runQdqBitExact(b, target, r, dir, target + " seed " + seed);
    String config = Files.readString(dir.resolve("tx_config.h"));
    // every one of the seven convolutions takes it
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "#define TX_CONV2D_S8_PATH_IM2COL_POINTWISE_TAIL 1 /\\* steps ([0-9, ]+) \\*/").matcher(config);
    assertTrue(m.find() && m.group(1).split(", ").length == layers.length, config);
  }

  /** x{i} -> Q -> DQ -> 1x1 Conv [-> Clip] -> Q -> DQ -> y{i}. */
  private static void pointwise(OnnxModelBuilder b, Random r, int i, int[] layer, boolean clamp) {
    int in = layer[0];
    int out = layer[1];
    int h = layer[2];
    int w = layer[3];
    int stride = layer[4];
    float xs = 0.02f + r.nextFloat() * 0.03f;
    long xzp = -128 + r.nextInt(256);
    float ys = 0.02f + r.nextFloat() * 0.05f;
    long yzp = -100 + r.nextInt(200);
    long[] wq = new long[out * in];
    for (int k = 0; k < wq.length; k++) {
      wq[k] = -127 + r.nextInt(255);
    }
    float[] ws = new float[out];
    float[] bs = new float[out];
    long[] bq = new long[out];
    for (int o = 0; o < out; o++) {
      ws[o] = (0.5f + r.nextFloat()) / (in * 4f);
      if (r.nextInt(4) == 0) {
        ws[o] *= 64f * in; // a shift of -1 or above: the wide output stage
      }
      bs[o] = xs * ws[o];
      bq[o] = -3000 + r.nextInt(6000);
    }
    DspKernelsRunTest.qdqOperands(b, i, new float[] {xs, ys}, new long[] {xzp, yzp}, new int[] {out, in, 1, 1}, wq,
        ws, bq, bs);
    b.input("x" + i, DType.FLOAT32, 1, in, (h - 1) * stride + 1, (w - 1) * stride + 1);
    b.node("Conv", List.of("xd" + i, "wd" + i, "bd" + i), List.of("c" + i), Map.of(
        "kernel_shape", Attribute.ofInts(1, 1), "strides", Attribute.ofInts(stride, stride)));
    String q = "c" + i;
    if (clamp) {
      float lo = ys * (-128 - yzp) + ys * (1 + r.nextInt(40));
      float hi = ys * (127 - yzp) - ys * (1 + r.nextInt(40));
      b.initializer("lo" + i, Tensor.scalar(lo)).initializer("hi" + i, Tensor.scalar(hi))
          .node("Clip", List.of("c" + i, "lo" + i, "hi" + i), List.of("k" + i));
      q = "k" + i;
    }
    b.node("QuantizeLinear", List.of(q, "ys" + i, "yzp" + i), List.of("kq" + i))
        .node("DequantizeLinear", List.of("kq" + i, "ys" + i, "yzp" + i), List.of("y" + i));
    b.output("y" + i, DType.FLOAT32, 1, out, h, w);
  }
}
