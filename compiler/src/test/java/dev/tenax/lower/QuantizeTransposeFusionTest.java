package dev.tenax.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.OnnxModelBuilder;
import dev.tenax.testing.SharedData;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link QuantizeTransposeFusion}: an int8 quantize whose only reader is a matrix transpose becomes
 * one call and its buffer is gone; a quantized value something else reads too, or a move that is
 * no matrix transpose, keeps its two calls.
 */
class QuantizeTransposeFusionTest {
  @Test
  void mobileNetQuantizesItsNchwInputStraightIntoNhwc() throws Exception {
    Graph g = Pipeline.standard().run(ModelImporter.load(
        SharedData.require("models/mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx"), ImportOptions.defaults()));
    Program p = Lowering.lower(g, OperatorRegistry.standard());
    assertEquals("tx_quantize_transpose_f32_s8", p.steps().get(0).kernel());
    assertEquals("tx_conv2d_s8", p.steps().get(1).kernel());
    assertTrue(p.steps().stream().noneMatch(s -> s.kernel().equals("tx_transpose_s8")
        || s.kernel().equals("tx_quantize_f32_s8")));
    Set<Buffer> touched = new HashSet<>();
    for (Step s : p.steps()) {
      touched.add(s.write().buffer());
      s.reads().forEach(v -> touched.add(v.buffer()));
    }
    assertEquals(Set.copyOf(p.buffers()), touched, "every buffer left is used, the NCHW int8 image is gone");
  }

  @Test
  void aQuantizedValueReadTwiceIsStoredAndMoved() throws Exception {
    OnnxModelBuilder b = model(1);
    b.output("z", DType.FLOAT32, 1, 3, 4, 5);
    b.node("DequantizeLinear", List.of("q", "s", "zp"), List.of("z"));
    assertEquals(List.of("tx_quantize_f32_s8", "tx_transpose_s8", "tx_dequantize_s8_f32", "tx_dequantize_s8_f32"),
        kernels(b));
  }

  @Test
  void aBatchOfImagesIsNoMatrixTranspose() throws Exception {
    assertEquals(List.of("tx_quantize_f32_s8", "tx_transpose_s8", "tx_dequantize_s8_f32"), kernels(model(2)));
    assertEquals(List.of("tx_quantize_transpose_f32_s8", "tx_dequantize_s8_f32"), kernels(model(1)));
  }

  /** x [n, 3, 4, 5] quantized, moved to NHWC and dequantized into y. */
  private static OnnxModelBuilder model(int n) {
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13)
        .input("x", DType.FLOAT32, n, 3, 4, 5).output("y", DType.FLOAT32, n, 4, 5, 3)
        .initializer("s", Tensor.scalar(0.05f)).initializer("zp", Tensor.scalar(DType.INT8, -4));
    b.node("QuantizeLinear", List.of("x", "s", "zp"), List.of("q"));
    b.node("Transpose", List.of("q"), List.of("t"), Map.of("perm", Attribute.ofInts(0, 2, 3, 1)));
    b.node("DequantizeLinear", List.of("t", "s", "zp"), List.of("y"));
    return b;
  }

  private static List<String> kernels(OnnxModelBuilder b) throws Exception {
    Graph g = Pipeline.standard().run(new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults())
        .importModel(b.build()));
    return Lowering.lower(g, OperatorRegistry.standard()).steps().stream().map(Step::kernel).toList();
  }
}
