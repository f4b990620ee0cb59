package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import org.junit.jupiter.api.Test;

class SpaceToDepthTest {
  @Test
  void blocksBecomeChannels() throws Exception {
    // x[c][h][w] = 100c + 10h + w, shape [1, 2, 2, 4]
    long[] v = new long[16];
    for (int c = 0; c < 2; c++) {
      for (int h = 0; h < 2; h++) {
        for (int w = 0; w < 4; w++) {
          v[c * 8 + h * 4 + w] = 100 * c + 10 * h + w;
        }
      }
    }
    Tensor x = Tensor.ofLongs(DType.INT32, new int[] {1, 2, 2, 4}, v);
    Tensor y = NodeRunner.op("SpaceToDepth").opset(13).attr("blocksize", Attribute.ofInt(2)).input(x).run().get(0);
    assertArrayEquals(new int[] {1, 8, 1, 2}, y.shape());
    int k = 0;
    for (int oc = 0; oc < 8; oc++) {
      int bh = oc / 4;
      int bw = oc / 2 % 2;
      int c = oc % 2;
      for (int ow = 0; ow < 2; ow++) {
        assertEquals(100 * c + 10 * bh + ow * 2 + bw, y.longs()[k++], "oc" + oc + " ow" + ow);
      }
    }
  }

  @Test
  void spatialDimsMustDivideByBlocksize() {
    var d = NodeRunner.op("SpaceToDepth").opset(13).attr("blocksize", Attribute.ofInt(2))
        .input(Tensor.zeros(DType.FLOAT32, new int[] {1, 1, 3, 2})).diagnostics();
    assertEquals(Code.TX050, d.get(0).code());
  }
}
