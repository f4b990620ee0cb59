package dev.tenax.ops.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.frontend.TypeInference;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.testing.NodeRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShapeTest {
  private static final Tensor X = Tensor.zeros(DType.FLOAT32, new int[] {2, 3, 4, 5});

  private static long[] shape(int opset, Long start, Long end) throws Exception {
    NodeRunner r = NodeRunner.op("Shape").opset(opset).input(X);
    if (start != null) {
      r.attr("start", Attribute.ofInt(start));
    }
    if (end != null) {
      r.attr("end", Attribute.ofInt(end));
    }
    Tensor y = r.run().get(0);
    assertEquals(DType.INT64, y.dtype());
    return y.longs();
  }

  @Test
  void allDimensions() throws Exception {
    assertArrayEquals(new long[] {2, 3, 4, 5}, shape(13, null, null));
  }

  @Test
  void opset15StartAndEndAreClamped() throws Exception {
    assertArrayEquals(new long[] {3, 4, 5}, shape(15, 1L, null));
    assertArrayEquals(new long[] {4}, shape(15, -2L, -1L));
    assertArrayEquals(new long[] {2, 3, 4, 5}, shape(15, -10L, 10L));
    assertArrayEquals(new long[] {}, shape(15, 3L, 1L));
  }

  @Test
  void startIsIgnoredBeforeOpset15() throws Exception {
    assertArrayEquals(new long[] {2, 3, 4, 5}, shape(13, 1L, null));
  }

  @Test
  void resultIsKnownAheadOfTimeForRuntimeInputs() {
    Node shape = new Node("s", "Shape", 13, List.of("x"), List.of("s"), Map.of());
    Node fill = new Node("f", "ConstantOfShape", 13, List.of("s"), List.of("y"), Map.of());
    Map<String, Value> initial = Map.of("x", Value.of("x", new TensorType(DType.INT8, new int[] {2, 3})));
    TypeInference.Result r = TypeInference.run(List.of(shape, fill), initial, OperatorRegistry.standard());
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
    assertArrayEquals(new int[] {2, 3}, r.values().get("y").type().shape());
  }
}
