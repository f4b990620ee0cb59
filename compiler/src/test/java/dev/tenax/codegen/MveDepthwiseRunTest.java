package dev.tenax.codegen;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.OnnxModelBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helium depthwise kernel's planes and paths (runtime-c/arm-mve/src/tx_depthwise_conv2d_s8.c,
 * tx_mve_dw_planes.h, tx_mve_dw_lines.h) on cortex-m55 under QEMU, bit for bit with the Java
 * evaluator: rows wider than one tile and more lines than one strip, lines along the columns
 * (narrow rows) with a last block of one to three outputs, groups of channels that are and are not
 * whole eights (the scatter and the gather expansion), channels whose shifts are 0 and above (the C
 * loop beside the assembly in one group), dilation, strides of 2 and 3, windows of more than 16
 * taps (the C loop) and batches of two and three, each with padding and a clamped activation range.
 */
class MveDepthwiseRunTest {
  /** c, h, w, kh, kw, stride, dilation, pad and, when given, the batch size. */
  private static final int[][] LAYERS = {
      {3, 4, 300, 3, 3, 1, 1, 1}, // rows wider than the 255-byte lines: several tiles
      {5, 80, 80, 3, 3, 2, 1, 1}, // stride 2, several strips
      {7, 30, 3, 3, 3, 1, 1, 1}, // narrow rows: lines along the columns, a last block of 2
      {40, 6, 6, 3, 3, 1, 1, 1}, // a group of 32 (scatter) then 8
      {20, 3, 3, 3, 3, 1, 1, 1}, // a group of 20 (gather)
      {16, 9, 10, 3, 3, 1, 2, 2}, // dilation 2
      {6, 11, 13, 2, 4, 3, 1, 1}, // a 2x4 window of stride 3
      {4, 9, 9, 5, 5, 1, 1, 2}, // 25 taps: the C loop
      {12, 7, 7, 1, 1, 2, 1, 0}, // 1x1 of stride 2
      {8, 10, 9, 3, 3, 1, 1, 1, 2}, // two batch items
      {16, 20, 20, 3, 3, 2, 1, 1, 3}, // three batch items, stride 2
  };

  @Test
  void planesAndPathsRunBitExact(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(61);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    for (int i = 0; i < LAYERS.length; i++) {
      depthwise(b, r, i, LAYERS[i], new int[] {-9, -1, -20, -3}, 127);
    }
    DspKernelsRunTest.runQdqBitExact(b, "cortex-m55", r, dir, "cortex-m55 depthwise planes");
  }

  /** Channels of shifts 0 to 3 (small weights, so that they round visibly) among ones of -2 to -24. */
  @Test
  void shiftsFromMinus24To3RunBitExact(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(62);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    depthwise(b, r, 0, new int[] {24, 6, 6, 3, 3, 1, 1, 1}, new int[] {-2, 0, -24, 1, -1, 3}, 1);
    depthwise(b, r, 1, new int[] {9, 12, 12, 3, 3, 2, 1, 1}, new int[] {0, -5, 2}, 1);
    DspKernelsRunTest.runQdqBitExact(b, "cortex-m55", r, dir, "cortex-m55 depthwise shifts");
  }

  /**
   * x{i} -> Q -> DQ -> depthwise Conv (int8 weights in [-wmax, wmax], channel o's multiplier
   * about 2^shifts[o % n]) -> Clip -> Q -> DQ -> y{i}.
   */
  static void depthwise(OnnxModelBuilder b, Random r, int i, int[] layer, int[] shifts, int wmax) {
    int c = layer[0];
    int h = layer[1];
    int w = layer[2];
    int kh = layer[3];
    int kw = layer[4];
    int stride = layer[5];
    int dil = layer[6];
    int pad = layer[7];
    int batch = layer.length > 8 ? layer[8] : 1;
    float xs = 0.02f + r.nextFloat() * 0.03f;
    long xzp = -128 + r.nextInt(256);
    float ys = 0.05f + r.nextFloat() * 0.05f;
    long yzp = -100 + r.nextInt(200);
    DspConvPixelsRunTest.qdqOperandsForShifts(b, r, i, new float[] {xs, ys}, new long[] {xzp, yzp},
        new int[] {c, 1, kh, kw}, shifts, wmax);
    b.input("x" + i, DType.FLOAT32, batch, c, h, w);
    b.node("Conv", List.of("xd" + i, "wd" + i, "bd" + i), List.of("c" + i), Map.of(
        "kernel_shape", Attribute.ofInts(kh, kw), "strides", Attribute.ofInts(stride, stride),
        "dilations", Attribute.ofInts(dil, dil), "pads", Attribute.ofInts(pad, pad, pad, pad),
        "group", Attribute.ofInt(c)));
    float lo = ys * (-128 - yzp) + ys * (1 + r.nextInt(40));
    float hi = ys * (127 - yzp) - ys * (1 + r.nextInt(40));
    b.initializer("lo" + i, Tensor.scalar(lo)).initializer("hi" + i, Tensor.scalar(hi));
    b.node("Clip", List.of("c" + i, "lo" + i, "hi" + i), List.of("k" + i))
        .node("QuantizeLinear", List.of("k" + i, "ys" + i, "yzp" + i), List.of("kq" + i))
        .node("DequantizeLinear", List.of("kq" + i, "ys" + i, "yzp" + i), List.of("y" + i));
    int oh = (h + 2 * pad - dil * (kh - 1) - 1) / stride + 1;
    int ow = (w + 2 * pad - dil * (kw - 1) - 1) / stride + 1;
    b.output("y" + i, DType.FLOAT32, batch, c, oh, ow);
  }
}
