package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstantTest {
  private static Tensor run(String attr, Attribute a) throws Exception {
    return NodeRunner.op("Constant").opset(13).attr(attr, a).run().get(0);
  }

  @Test
  void valueTensor() throws Exception {
    Tensor v = Tensor.ofLongs(DType.INT8, new int[] {2}, new long[] {-1, 2});
    assertEquals(v, run("value", Attribute.ofTensor(v)));
  }

  @Test
  void scalarAndListAttributes() throws Exception {
    assertEquals(Tensor.scalar(2.5f), run("value_float", Attribute.ofFloat(2.5f)));
    assertEquals(NodeRunner.floats(new int[] {2}, 1, 2), run("value_floats", Attribute.ofFloats(1, 2)));
    assertEquals(Tensor.scalar(DType.INT64, 7), run("value_int", Attribute.ofInt(7)));
    Tensor ints = run("value_ints", Attribute.ofInts(3, -4));
    assertEquals(DType.INT64, ints.dtype());
    assertArrayEquals(new long[] {3, -4}, ints.longs());
  }

  @Test
  void stringConstantsAreUnsupported() {
    assertEquals(Code.TX040, NodeRunner.op("Constant").opset(13).attr("value_string", Attribute.ofString("a"))
        .diagnostics().get(0).code());
    assertEquals(Code.TX040, NodeRunner.op("Constant").opset(13)
        .attr("value_strings", Attribute.ofStrings(List.of("a"))).diagnostics().get(0).code());
  }

  @Test
  void exactlyOneValueAttribute() {
    assertEquals(Code.TX041, NodeRunner.op("Constant").opset(13).diagnostics().get(0).code());
    assertEquals(Code.TX050, NodeRunner.op("Constant").opset(13).attr("value_int", Attribute.ofInt(1))
        .attr("value_float", Attribute.ofFloat(1)).diagnostics().get(0).code());
  }
}
