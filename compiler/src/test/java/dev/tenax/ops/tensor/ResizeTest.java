package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class ResizeTest {
  private static final Tensor SQUARE = NodeRunner.floats(new int[] {1, 1, 2, 2}, 1, 2, 3, 4);

  private static Tensor scales(float... s) {
    return NodeRunner.floats(new int[] {s.length}, s);
  }

  private static Tensor sizes(long... s) {
    return Tensor.vector(DType.INT64, s);
  }

  /** Resize at opset 19 with sizes; attributes as name/value pairs. */
  private static NodeRunner withSizes(Tensor x, Tensor sizes, String... attrs) {
    NodeRunner r = NodeRunner.op("Resize").opset(19);
    for (int i = 0; i < attrs.length; i += 2) {
      r.attr(attrs[i], Attribute.ofString(attrs[i + 1]));
    }
    return r.input(x).input(null).input(null).constInput(sizes);
  }

  @Test
  void nearestHalfPixelUpsampling() throws Exception {
    Tensor y = NodeRunner.op("Resize").opset(13).input(SQUARE).input(null).constInput(scales(1, 1, 2, 2))
        .run().get(0);
    assertArrayEquals(new int[] {1, 1, 4, 4}, y.shape());
    assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, y.floats());
  }

  @Test
  void opset10BehavesLikeUpsample() throws Exception {
    Tensor y = NodeRunner.op("Resize").opset(10).input(SQUARE).constInput(scales(1, 1, 2, 3)).run().get(0);
    assertArrayEquals(new int[] {1, 1, 4, 6}, y.shape());
    assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4},
        y.floats());
  }

  @Test
  void linearHalfPixelClampsAtTheEdges() throws Exception {
    // positions (o + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25
    Tensor y = NodeRunner.op("Resize").opset(13).attr("mode", Attribute.ofString("linear"))
        .input(NodeRunner.floats(new int[] {2}, 0, 10)).input(null).constInput(scales(2)).run().get(0);
    assertArrayEquals(new float[] {0, 2.5f, 7.5f, 10}, y.floats());
  }

  @Test
  void bilinearAlignCorners() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {2, 2}, 0, 10, 20, 30);
    Tensor y = withSizes(x, sizes(3, 3), "mode", "linear", "coordinate_transformation_mode", "align_corners")
        .run().get(0);
    assertArrayEquals(new float[] {0, 5, 10, 10, 15, 20, 20, 25, 30}, y.floats());
  }

  @Test
  void alignCornersWithScalesUsesTheUnroundedLength() throws Exception {
    // width 4 * 0.6 = 2.4 (2 outputs): x = 1 * 3 / 1.4 = 2.142857 -> 3.142857
    Tensor x = NodeRunner.floats(new int[] {1, 1, 2, 4}, 1, 2, 3, 4, 5, 6, 7, 8);
    Tensor y = NodeRunner.op("Resize").opset(13).attr("mode", Attribute.ofString("linear"))
        .attr("coordinate_transformation_mode", Attribute.ofString("align_corners"))
        .input(x).input(null).constInput(scales(1, 1, 0.6f, 0.6f)).run().get(0);
    assertArrayEquals(new int[] {1, 1, 1, 2}, y.shape());
    assertEquals(1, y.floats()[0], 1e-6);
    assertEquals(3.142857, y.floats()[1], 1e-5);
  }

  @Test
  void halfPixelSymmetricCentersTheRoundedOutput() throws Exception {
    // length 2.4 -> 2: offset = 2 * (1 - 2 / 2.4) = 1/3; x = 1/3 + (o + 0.5) / 0.6 - 0.5
    Tensor x = NodeRunner.floats(new int[] {4}, 0, 10, 20, 30);
    Tensor y = NodeRunner.op("Resize").opset(19).attr("mode", Attribute.ofString("linear"))
        .attr("coordinate_transformation_mode", Attribute.ofString("half_pixel_symmetric"))
        .input(x).input(null).constInput(scales(0.6f)).run().get(0);
    assertEquals(20.0 / 3, y.floats()[0], 1e-4);
    assertEquals(70.0 / 3, y.floats()[1], 1e-4);
  }

  @Test
  void pytorchHalfPixelSamplesTheStartForOneOutput() throws Exception {
    Tensor x = NodeRunner.floats(new int[] {4}, 0, 10, 20, 30);
    assertArrayEquals(new float[] {0}, withSizes(x, sizes(1), "mode", "linear",
        "coordinate_transformation_mode", "pytorch_half_pixel").run().get(0).floats());
    assertArrayEquals(new float[] {15}, withSizes(x, sizes(1), "mode", "linear").run().get(0).floats());
  }

  @Test
  void nearestModesRoundDifferently() throws Exception {
    // asymmetric positions o / 4 = 0, .25, .5, .75, 1, 1.25, 1.5, 1.75
    Tensor x = NodeRunner.floats(new int[] {2}, 10, 20);
    String[][] cases = {
        {"round_prefer_floor", "10,10,10,20,20,20,20,20"},
        {"round_prefer_ceil", "10,10,20,20,20,20,20,20"},
        {"floor", "10,10,10,10,20,20,20,20"},
        {"ceil", "10,20,20,20,20,20,20,20"}};
    for (String[] c : cases) {
      Tensor y = withSizes(x, sizes(8), "coordinate_transformation_mode", "asymmetric", "nearest_mode", c[0])
          .run().get(0);
      assertEquals(c[1], join(y.floats()), c[0]);
    }
  }

  @Test
  void tfHalfPixelForNearest() throws Exception {
    // positions (o + 0.5) / 2 = 0.25, 0.75, 1.25, 1.75
    Tensor x = NodeRunner.floats(new int[] {2}, 10, 20);
    Tensor y = withSizes(x, sizes(4), "coordinate_transformation_mode", "tf_half_pixel_for_nearest").run().get(0);
    assertArrayEquals(new float[] {10, 20, 20, 20}, y.floats());
  }

  @Test
  void keepAspectRatioPolicies() throws Exception {
    Tensor x = Tensor.zeros(DType.FLOAT32, new int[] {1, 1, 2, 4});
    NodeRunner stretch = withSizes(x, sizes(3, 3)).attr("axes", Attribute.ofInts(2, 3));
    assertArrayEquals(new int[] {1, 1, 3, 3}, stretch.infer().get(0).shape());
    // ratios 1.5 and 0.75
    NodeRunner notLarger = withSizes(x, sizes(3, 3), "keep_aspect_ratio_policy", "not_larger")
        .attr("axes", Attribute.ofInts(2, 3));
    assertArrayEquals(new int[] {1, 1, 2, 3}, notLarger.infer().get(0).shape());
    NodeRunner notSmaller = withSizes(x, sizes(3, 3), "keep_aspect_ratio_policy", "not_smaller")
        .attr("axes", Attribute.ofInts(2, 3));
    assertArrayEquals(new int[] {1, 1, 3, 6}, notSmaller.infer().get(0).shape());
  }

  @Test
  void axesSelectTheScaledAxes() throws Exception {
    Tensor y = NodeRunner.op("Resize").opset(18).attr("axes", Attribute.ofInts(3, 2)).input(SQUARE)
        .input(null).constInput(scales(2, 1)).run().get(0);
    assertArrayEquals(new int[] {1, 1, 2, 4}, y.shape());
    assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3, 4, 4}, y.floats());
  }

  @Test
  void integersInterpolateAndTruncate() throws Exception {
    Tensor x = Tensor.ofLongs(DType.UINT8, new int[] {2}, new long[] {0, 5});
    Tensor lin = withSizes(x, sizes(3), "mode", "linear", "coordinate_transformation_mode", "align_corners")
        .run().get(0);
    assertEquals(DType.UINT8, lin.dtype());
    assertArrayEquals(new long[] {0, 2, 5}, lin.longs());
    Tensor near = withSizes(x, sizes(4)).run().get(0);
    assertArrayEquals(new long[] {0, 0, 5, 5}, near.longs());
  }

  @Test
  void opset11AcceptsEmptyScalesNextToSizes() throws Exception {
    Tensor y = NodeRunner.op("Resize").opset(11).input(SQUARE).constInput(scales())
        .constInput(scales()).constInput(sizes(1, 1, 1, 2)).run().get(0);
    assertArrayEquals(new float[] {1, 2}, y.floats());
  }

  @Test
  void unsupportedFeaturesAreTX040() {
    assertEquals(Code.TX040, withSizes(SQUARE, sizes(1, 1, 4, 4), "mode", "cubic").diagnostics().get(0).code());
    assertEquals(Code.TX040, withSizes(SQUARE, sizes(1, 1, 4, 4), "coordinate_transformation_mode",
        "tf_crop_and_resize").diagnostics().get(0).code());
    assertEquals(Code.TX040, withSizes(SQUARE, sizes(1, 1, 4, 4), "mode", "linear")
        .attr("antialias", Attribute.ofInt(1)).diagnostics().get(0).code());
    assertEquals(Code.TX040, withSizes(SQUARE, sizes(1, 1, 4, 4), "nearest_mode", "nearest")
        .diagnostics().get(0).code());
  }

  @Test
  void scalesAndSizesProblems() {
    assertEquals(Code.TX050, NodeRunner.op("Resize").opset(13).input(SQUARE).input(null)
        .constInput(scales(1, 1, 2, 2)).constInput(sizes(1, 1, 4, 4)).diagnostics().get(0).code());
    assertEquals(Code.TX041, NodeRunner.op("Resize").opset(13).input(SQUARE).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Resize").opset(13).input(SQUARE).input(null)
        .constInput(scales(2, 2)).diagnostics().get(0).code());
    assertEquals(Code.TX051, NodeRunner.op("Resize").opset(13).input(SQUARE).input(null)
        .input(scales(1, 1, 2, 2)).diagnostics().get(0).code());
  }

  private static String join(float[] v) {
    StringBuilder sb = new StringBuilder();
    for (float f : v) {
      sb.append(sb.length() == 0 ? "" : ",").append((int) f);
    }
    return sb.toString();
  }
}
