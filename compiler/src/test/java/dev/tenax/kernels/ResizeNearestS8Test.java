package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.kernels.KernelCrossCheck.Line;
import dev.tenax.testing.NodeRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResizeNearestS8Test {
  private static final String[] COORDS = ResizeNearestS8.COORDINATE_MODES.stream().sorted()
      .toArray(String[]::new);
  private static final String[] NEAREST = ResizeNearestS8.NEAREST_MODES.stream().sorted()
      .toArray(String[]::new);

  @Test
  void indicesFollowTheOnnxFormulas() {
    // half_pixel x2: positions -0.25, 0.25, 0.75, 1.25 -> 0, 0, 1, 1
    assertArrayEquals(new int[] {0, 0, 1, 1},
        ResizeNearestS8.indices("half_pixel", "round_prefer_floor", 2, 4, 2, 4));
    // asymmetric x0.5: 0, 2, 4
    assertArrayEquals(new int[] {0, 2, 4},
        ResizeNearestS8.indices("asymmetric", "floor", 6, 3, 0.5, 3));
    // align_corners 3 -> 5: positions 0, 0.5, 1, 1.5, 2; ties go down or up by nearest_mode
    assertArrayEquals(new int[] {0, 0, 1, 1, 2},
        ResizeNearestS8.indices("align_corners", "round_prefer_floor", 3, 5, 5 / 3.0, 5));
    assertArrayEquals(new int[] {0, 1, 1, 2, 2},
        ResizeNearestS8.indices("align_corners", "round_prefer_ceil", 3, 5, 5 / 3.0, 5));
    // tf_half_pixel_for_nearest x2 from 3: (o + 0.5) / 2 = 0.25 ... 2.75, ceil clamps at 2
    assertArrayEquals(new int[] {1, 1, 2, 2, 2, 2},
        ResizeNearestS8.indices("tf_half_pixel_for_nearest", "ceil", 3, 6, 2, 6));
    // pytorch_half_pixel with one output samples position 0
    assertArrayEquals(new int[] {0},
        ResizeNearestS8.indices("pytorch_half_pixel", "round_prefer_ceil", 4, 1, 0.25, 1));
  }

  @Test
  void copiesWholePixels() {
    ResizeNearestS8.Params p = new ResizeNearestS8.Params(new int[] {1, 0}, new int[] {0, 0, 1});
    // input (1, 2, 2, 2): pixel (y, x) holds 10 * (2y + x) and that + 1
    byte[] in = {0, 1, 10, 11, 20, 21, 30, 31};
    byte[] out = ResizeNearestS8.run(p, new int[] {1, 2, 2, 2}, in);
    assertArrayEquals(new byte[] {20, 21, 20, 21, 30, 31, 0, 1, 0, 1, 10, 11}, out);
  }

  @Test
  void rejectsIndicesOutsideTheInput() {
    ResizeNearestS8.Params p = new ResizeNearestS8.Params(new int[] {2}, new int[] {0});
    assertThrows(IllegalArgumentException.class,
        () -> ResizeNearestS8.run(p, new int[] {1, 2, 1, 1}, new byte[2]));
    assertThrows(IllegalArgumentException.class,
        () -> ResizeNearestS8.indices("tf_crop_and_resize", "floor", 2, 2, 1, 2));
  }

  /** The float Resize operator and a gather through our tables agree on every element. */
  @Test
  void agreesWithTheResizeOperator() throws Exception {
    Random r = new Random(0x7E4A_4E5EL);
    for (int i = 0; i < 300; i++) {
      String coord = COORDS[r.nextInt(COORDS.length)];
      String nearest = NEAREST[r.nextInt(NEAREST.length)];
      int[] in = {1 + r.nextInt(2), 1 + r.nextInt(7), 1 + r.nextInt(7), 1 + r.nextInt(3)};
      if (movesUnscaledAxes(coord, nearest)) {
        in[0] = in[3] = 1;
      }
      boolean bySizes = r.nextBoolean();
      NodeRunner runner = NodeRunner.op("Resize").opset(19)
          .attr("coordinate_transformation_mode", Attribute.ofString(coord))
          .attr("nearest_mode", Attribute.ofString(nearest))
          .attr("axes", Attribute.ofInts(1, 2));
      float[] data = new float[in[0] * in[1] * in[2] * in[3]];
      for (int k = 0; k < data.length; k++) {
        data[k] = k;
      }
      runner.input(NodeRunner.floats(in, data)).input(null);
      ResizeNearestS8.Params p;
      if (bySizes) {
        int oh = 1 + r.nextInt(12);
        int ow = 1 + r.nextInt(12);
        runner.input(null).constInput(Tensor.vector(DType.INT64, oh, ow));
        p = ResizeNearestS8.forSizes(in[1], in[2], oh, ow, coord, nearest);
      } else {
        // scales from small fractions, so positions hit exact ties often
        float sh = (1 + r.nextInt(16)) / (float) (1 + r.nextInt(4));
        float sw = (1 + r.nextInt(16)) / (float) (1 + r.nextInt(4));
        if (Math.floor(sh * in[1]) < 1 || Math.floor(sw * in[2]) < 1) {
          continue;
        }
        runner.constInput(NodeRunner.floats(new int[] {2}, sh, sw));
        p = ResizeNearestS8.forScales(in[1], in[2], sh, sw, coord, nearest);
      }
      Tensor y = runner.run().get(0);
      int[] ys = p.srcY();
      int[] xs = p.srcX();
      assertArrayEquals(new int[] {in[0], ys.length, xs.length, in[3]}, y.shape(), coord);
      float[] got = y.floats();
      int k = 0;
      for (int b = 0; b < in[0]; b++) {
        for (int oy = 0; oy < ys.length; oy++) {
          for (int ox = 0; ox < xs.length; ox++) {
            for (int c = 0; c < in[3]; c++) {
              float expected = data[((b * in[1] + ys[oy]) * in[2] + xs[ox]) * in[3] + c];
              assertEquals(expected, got[k++], coord + " " + nearest + " case " + i);
            }
          }
        }
      }
    }
  }

  /**
   * ONNX applies the coordinate transformation to every axis, resized or not: (x + 0.5) / 1 rounded
   * up moves an axis of scale 1 by one, which a nearest resize of H and W cannot express.
   */
  private static boolean movesUnscaledAxes(String coord, String nearest) {
    return coord.equals("tf_half_pixel_for_nearest") && nearest.contains("ceil");
  }

  /** Tables from random output sizes and modes for the input shape {@code s}. */
  static ResizeNearestS8.Params randomTables(Random r, int[] s) {
    int oh = 1 + r.nextInt(13);
    int ow = 1 + r.nextInt(13);
    return ResizeNearestS8.forSizes(s[1], s[2], oh, ow, COORDS[r.nextInt(COORDS.length)],
        NEAREST[r.nextInt(NEAREST.length)]);
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_5E51L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 6, 6, 11);
      ResizeNearestS8.Params p = randomTables(r, s);
      byte[] in = RandomQuant.bytes(r, s[0] * s[1] * s[2] * s[3]);
      check.add(new Line().add(s).add(s[0], p.srcY().length, p.srcX().length, s[3])
          .vector(p.srcY()).vector(p.srcX()).add(in), ResizeNearestS8.run(p, s, in));
    }
    // C rejects what Java rejects: an index outside the input, a channel count mismatch
    check.addError(new Line().add(1, 2, 2, 1).add(1, 1, 1, 1).vector(new int[] {2})
        .vector(new int[] {0}).add(new byte[4]));
    check.addError(new Line().add(1, 2, 2, 1).add(1, 1, 1, 2).vector(new int[] {0})
        .vector(new int[] {-1}).add(new byte[4]));
    check.addError(new Line().add(1, 2, 2, 1).add(1, 1, 1, 2).vector(new int[] {0})
        .vector(new int[] {0}).add(new byte[4]));
    check.check(dir, "resize_nearest_s8");
  }
}
