package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class DepthToSpaceTest {
  /** [1, 8, 2, 1] where element (c, h) holds 10c + h. */
  private static Tensor input() {
    float[] v = new float[16];
    for (int c = 0; c < 8; c++) {
      for (int h = 0; h < 2; h++) {
        v[c * 2 + h] = 10 * c + h;
      }
    }
    return NodeRunner.floats(new int[] {1, 8, 2, 1}, v);
  }

  private static void check(Tensor y, boolean crd) {
    assertArrayEquals(new int[] {1, 2, 4, 2}, y.shape());
    int k = 0;
    for (int c = 0; c < 2; c++) {
      for (int h = 0; h < 4; h++) {
        for (int w = 0; w < 2; w++) {
          int bh = h % 2;
          int bw = w % 2;
          int ic = crd ? c * 4 + bh * 2 + bw : (bh * 2 + bw) * 2 + c;
          assertEquals(10 * ic + h / 2, y.floats()[k++], "c" + c + " h" + h + " w" + w);
        }
      }
    }
  }

  @Test
  void dcrIsTheDefault() throws Exception {
    check(NodeRunner.op("DepthToSpace").opset(13).attr("blocksize", Attribute.ofInt(2)).input(input())
        .run().get(0), false);
  }

  @Test
  void crdTakesBlockOffsetsFromInnerChannels() throws Exception {
    check(NodeRunner.op("DepthToSpace").opset(13).attr("blocksize", Attribute.ofInt(2))
        .attr("mode", Attribute.ofString("CRD")).input(input()).run().get(0), true);
  }

  @Test
  void worksOnIntegers() throws Exception {
    Tensor x = Tensor.ofLongs(DType.INT8, new int[] {1, 4, 1, 1}, new long[] {1, 2, 3, 4});
    Tensor y = NodeRunner.op("DepthToSpace").opset(13).attr("blocksize", Attribute.ofInt(2)).input(x).run().get(0);
    assertArrayEquals(new int[] {1, 1, 2, 2}, y.shape());
    assertArrayEquals(new long[] {1, 2, 3, 4}, y.longs());
  }

  @Test
  void channelsMustDivideByBlockArea() {
    var d = NodeRunner.op("DepthToSpace").opset(13).attr("blocksize", Attribute.ofInt(2))
        .input(Tensor.zeros(DType.FLOAT32, new int[] {1, 6, 1, 1})).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }

  @Test
  void blocksizeIsRequiredAndModeChecked() {
    assertEquals(Code.TX041, NodeRunner.op("DepthToSpace").opset(13).input(input()).diagnostics().get(0).code());
    assertEquals(Code.TX040, NodeRunner.op("DepthToSpace").opset(13).attr("blocksize", Attribute.ofInt(2))
        .attr("mode", Attribute.ofString("XYZ")).input(input()).diagnostics().get(0).code());
  }
}
