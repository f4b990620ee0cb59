package dev.tenax.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.OnnxModelBuilder;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Before/after IR text of the passes that normalize pre-quantized models to the canonical QDQ
 * form, with unchanged results ({@link PassTesting#check}: quantized outputs bit for bit).
 * Power-of-two scales keep the float form exact, so QLinear* rewrites agree bit for bit too.
 */
class NormalizeQuantizedTest {
  private static final Random RANDOM = new Random(1);

  @Test
  void qlinearConvBecomesDequantizeConvQuantizeWithPerChannelWeightsAndBias() throws Exception {
    Graph before = PassTesting.load(QuantModels.qlinearConv(DType.INT8, 0.5f, new float[] {0.25f, 0.125f, 0.5f},
        4f, 13));
    PassTesting.check(new NormalizeQLinear(), before, String.join("\n",
        "graph \"test\" opsets {ai.onnx: 13}",
        "  input x: int8[1,2,5,5]",
        "  const xs: float32[] {0.5}",
        "  const xzp: int8[] {-3}",
        "  const w: int8[3,2,3,3]",
        "  const ws: float32[3] {0.25,0.125,0.5}",
        "  const wzp: int8[3] {0,0,0}",
        "  const ys: float32[] {4.0}",
        "  const yzp: int8[] {5}",
        "  const B: int32[3] {300,-1000,77}",
        "  QLinearConv_0 = QLinearConv(x, xs, xzp, w, ws, wzp, ys, yzp, B) {pads=[1,1,1,1], strides=[2,2]}"
            + " -> y: int8[1,3,3,3]",
        "  output y", ""), String.join("\n",
        "graph \"test\" opsets {ai.onnx: 13}",
        "  input x: int8[1,2,5,5]",
        "  const xs: float32[] {0.5}",
        "  const xzp: int8[] {-3}",
        "  const w: int8[3,2,3,3]",
        "  const ys: float32[] {4.0}",
        "  const yzp: int8[] {5}",
        "  const B: int32[3] {300,-1000,77}",
        "  const QLinearConv_0/w_scale: float32[3] {0.25,0.125,0.5}",
        "  const QLinearConv_0/w_zero_point: int8[3] {0,0,0}",
        "  const QLinearConv_0/B_scale: float32[3] {0.125,0.0625,0.25}",
        "  const QLinearConv_0/B_zero_point: int32[3] {0,0,0}",
        "  QLinearConv_0/dequantize_x = DequantizeLinear(x, xs, xzp) -> QLinearConv_0/x: float32[1,2,5,5]",
        "  QLinearConv_0/dequantize_w = DequantizeLinear(w, QLinearConv_0/w_scale, QLinearConv_0/w_zero_point)"
            + " {axis=0} -> QLinearConv_0/w: float32[3,2,3,3]",
        "  QLinearConv_0/dequantize_B = DequantizeLinear(B, QLinearConv_0/B_scale, QLinearConv_0/B_zero_point)"
            + " {axis=0} -> QLinearConv_0/B: float32[3]",
        "  QLinearConv_0 = Conv(QLinearConv_0/x, QLinearConv_0/w, QLinearConv_0/B) {pads=[1,1,1,1], strides=[2,2]}"
            + " -> QLinearConv_0/y: float32[1,3,3,3]",
        "  QLinearConv_0/quantize_y = QuantizeLinear(QLinearConv_0/y, ys, yzp) -> y: int8[1,3,3,3]",
        "  output y", ""), Map.of("x", QuantModels.randomInts(RANDOM, DType.INT8, 1, 2, 5, 5)));
  }

  @Test
  void qlinearMatMulBecomesDequantizeMatMulQuantize() throws Exception {
    Graph before = PassTesting.load(QuantModels.qlinearMatMul(DType.UINT8, 0.5f, new float[] {0.25f}, 2f, 10));
    PassTesting.check(new NormalizeQLinear(), before, String.join("\n",
        "graph \"test\" opsets {ai.onnx: 10}",
        "  input a: uint8[2,4]",
        "  const as: float32[] {0.5}",
        "  const azp: uint8[] {130}",
        "  const b: int8[4,3]",
        "  const bs: float32[] {0.25}",
        "  const bzp: int8[] {0}",
        "  const ys: float32[] {2.0}",
        "  const yzp: uint8[] {127}",
        "  QLinearMatMul_0 = QLinearMatMul(a, as, azp, b, bs, bzp, ys, yzp) -> y: uint8[2,3]",
        "  output y", ""), String.join("\n",
        "graph \"test\" opsets {ai.onnx: 10}",
        "  input a: uint8[2,4]",
        "  const as: float32[] {0.5}",
        "  const azp: uint8[] {130}",
        "  const b: int8[4,3]",
        "  const bs: float32[] {0.25}",
        "  const bzp: int8[] {0}",
        "  const ys: float32[] {2.0}",
        "  const yzp: uint8[] {127}",
        "  QLinearMatMul_0/dequantize_a = DequantizeLinear(a, as, azp) -> QLinearMatMul_0/a: float32[2,4]",
        "  QLinearMatMul_0/dequantize_b = DequantizeLinear(b, bs, bzp) -> QLinearMatMul_0/b: float32[4,3]",
        "  QLinearMatMul_0 = MatMul(QLinearMatMul_0/a, QLinearMatMul_0/b) -> QLinearMatMul_0/y: float32[2,3]",
        "  QLinearMatMul_0/quantize_y = QuantizeLinear(QLinearMatMul_0/y, ys, yzp) -> y: uint8[2,3]",
        "  output y", ""), Map.of("a", QuantModels.randomInts(RANDOM, DType.UINT8, 2, 4)));
  }

  @Test
  void qlinearConvWithPerChannelWeightsStaysBeforeOpset13() throws Exception {
    Graph before = PassTesting.load(QuantModels.qlinearConv(DType.INT8, 0.5f, new float[] {0.25f, 0.125f, 0.5f},
        4f, 10));
    assertSame(before, new NormalizeQLinear().apply(before));
  }

  @Test
  void convIntegerCastMulBecomesConvOfDequantizedOperands() throws Exception {
    Graph before = PassTesting.load(QuantModels.convInteger(Tensor.ofFloats(new int[] {1, 3, 1, 1},
        new float[] {0.125f, 0.25f, 0.5f})));
    PassTesting.check(new NormalizeIntegerOps(), before, String.join("\n",
        "graph \"test\" opsets {ai.onnx: 13}",
        "  input x: uint8[1,2,5,5]",
        "  const w: uint8[3,2,3,3]",
        "  const xzp: uint8[] {131}",
        "  const wzp: uint8[] {128}",
        "  const s: float32[1,3,1,1] {0.125,0.25,0.5}",
        "  ConvInteger_0 = ConvInteger(x, w, xzp, wzp) {pads=[1,1,1,1], strides=[2,2]} -> acc: int32[1,3,3,3]",
        "  Cast_1 = Cast(acc) {to=1} -> accf: float32[1,3,3,3]",
        "  Mul_2 = Mul(s, accf) -> y: float32[1,3,3,3]",
        "  output y", ""), String.join("\n",
        "graph \"test\" opsets {ai.onnx: 13}",
        "  input x: uint8[1,2,5,5]",
        "  const w: uint8[3,2,3,3]",
        "  const xzp: uint8[] {131}",
        "  const ConvInteger_0/w_scale: float32[3] {0.125,0.25,0.5}",
        "  const ConvInteger_0/w_zero_point: uint8[3] {128,128,128}",
        "  const ConvInteger_0/x_scale: float32[] {1.0}",
        "  ConvInteger_0/dequantize_x = DequantizeLinear(x, ConvInteger_0/x_scale, xzp)"
            + " -> ConvInteger_0/x: float32[1,2,5,5]",
        "  ConvInteger_0/dequantize_w = DequantizeLinear(w, ConvInteger_0/w_scale, ConvInteger_0/w_zero_point)"
            + " {axis=0} -> ConvInteger_0/w: float32[3,2,3,3]",
        "  ConvInteger_0 = Conv(ConvInteger_0/x, ConvInteger_0/w) {pads=[1,1,1,1], strides=[2,2]}"
            + " -> y: float32[1,3,3,3]",
        "  output y", ""), Map.of("x", QuantModels.randomInts(RANDOM, DType.UINT8, 1, 2, 5, 5)));
  }

  @Test
  void matMulIntegerWithPerColumnZeroPointsBecomesMatMulOfDequantizedOperands() throws Exception {
    Graph before = PassTesting.load(QuantModels.matMulInteger(Tensor.scalar(0.01f)));
    PassTesting.check(new NormalizeIntegerOps(), before, String.join("\n",
        "graph \"test\" opsets {ai.onnx: 13}",
        "  input a: uint8[2,4]",
        "  const b: int8[4,3]",
        "  const bzp: int8[3] {-8,0,7}",
        "  const s: float32[] {0.01}",
        "  MatMulInteger_0 = MatMulInteger(a, b, , bzp) -> acc: int32[2,3]",
        "  Cast_1 = Cast(acc) {to=1} -> accf: float32[2,3]",
        "  Mul_2 = Mul(accf, s) -> y: float32[2,3]",
        "  output y", ""), String.join("\n",
        "graph \"test\" opsets {ai.onnx: 13}",
        "  input a: uint8[2,4]",
        "  const b: int8[4,3]",
        "  const MatMulInteger_0/w_scale: float32[3] {0.01,0.01,0.01}",
        "  const MatMulInteger_0/w_zero_point: int8[3] {-8,0,7}",
        "  const MatMulInteger_0/x_zero_point: uint8[] {0}",
        "  const MatMulInteger_0/x_scale: float32[] {1.0}",
        "  MatMulInteger_0/dequantize_x = DequantizeLinear(a, MatMulInteger_0/x_scale, MatMulInteger_0/x_zero_point)"
            + " -> MatMulInteger_0/x: float32[2,4]",
        "  MatMulInteger_0/dequantize_w = DequantizeLinear(b, MatMulInteger_0/w_scale, MatMulInteger_0/w_zero_point)"
            + " {axis=1} -> MatMulInteger_0/w: float32[4,3]",
        "  MatMulInteger_0 = MatMul(MatMulInteger_0/x, MatMulInteger_0/w) -> y: float32[2,3]",
        "  output y", ""), Map.of("a", QuantModels.randomInts(RANDOM, DType.UINT8, 2, 4)));
  }

  /** The int32 result is also a graph output, and a scale known only at run time: neither matches. */
  @Test
  void integerOpsOutsideThePatternStay() throws Exception {
    Graph shared = PassTesting.load(new OnnxModelBuilder().input("a", DType.INT8, 2, 4)
        .initializer("b", Tensor.ofLongs(DType.INT8, new int[] {4, 1}, new long[] {1, 2, 3, 4}))
        .initializer("s", Tensor.scalar(0.5f))
        .node("MatMulInteger", List.of("a", "b"), List.of("acc"))
        .node("Cast", List.of("acc"), List.of("accf"), Map.of("to", Attribute.ofInt(1)))
        .node("Mul", List.of("accf", "s"), List.of("y"))
        .output("y", DType.FLOAT32, 2, 1).output("acc", DType.INT32, 2, 1).build());
    assertSame(shared, new NormalizeIntegerOps().apply(shared));
    Graph dynamic = PassTesting.load(new OnnxModelBuilder().input("a", DType.INT8, 2, 4)
        .input("s", DType.FLOAT32)
        .initializer("b", Tensor.ofLongs(DType.INT8, new int[] {4, 1}, new long[] {1, 2, 3, 4}))
        .node("MatMulInteger", List.of("a", "b"), List.of("acc"))
        .node("Cast", List.of("acc"), List.of("accf"), Map.of("to", Attribute.ofInt(1)))
        .node("Mul", List.of("accf", "s"), List.of("y"))
        .output("y", DType.FLOAT32, 2, 1).build());
    assertSame(dynamic, new NormalizeIntegerOps().apply(dynamic));
  }

  @Test
  void uint8ActivationsAndWeightsMoveToInt8() throws Exception {
    Graph before = PassTesting.load(QuantModels.uint8Qdq(13));
    PassTesting.check(new NormalizeUint8(), before, String.join("\n",
        "graph \"test\" opsets {ai.onnx: 13}",
        "  input x: float32[1,2,4,4]",
        "  const xs: float32[] {0.02}",
        "  const xzp: uint8[] {100}",
        "  const w: uint8[3,2,3,3]",
        "  const ws: float32[] {0.01}",
        "  const wzp: uint8[] {128}",
        "  const ys: float32[] {0.05}",
        "  QuantizeLinear_0 = QuantizeLinear(x, xs, xzp) -> xq: uint8[1,2,4,4]",
        "  DequantizeLinear_1 = DequantizeLinear(xq, xs, xzp) -> xd: float32[1,2,4,4]",
        "  DequantizeLinear_2 = DequantizeLinear(w, ws, wzp) -> wd: float32[3,2,3,3]",
        "  Conv_3 = Conv(xd, wd) {pads=[1,1,1,1]} -> c: float32[1,3,4,4]",
        "  QuantizeLinear_4 = QuantizeLinear(c, ys) -> cq: uint8[1,3,4,4]",
        "  DequantizeLinear_5 = DequantizeLinear(cq, ys) -> y: float32[1,3,4,4]",
        "  output y", ""), String.join("\n",
        "graph \"test\" opsets {ai.onnx: 13}",
        "  input x: float32[1,2,4,4]",
        "  const xs: float32[] {0.02}",
        "  const ws: float32[] {0.01}",
        "  const ys: float32[] {0.05}",
        "  const xzp/s8: int8[] {-28}",
        "  const wzp/s8: int8[] {0}",
        "  const w/s8: int8[3,2,3,3]",
        "  const QuantizeLinear_4/zero_point_s8: int8[] {-128}",
        "  const DequantizeLinear_5/zero_point_s8: int8[] {-128}",
        "  QuantizeLinear_0 = QuantizeLinear(x, xs, xzp/s8) -> xq: int8[1,2,4,4]",
        "  DequantizeLinear_1 = DequantizeLinear(xq, xs, xzp/s8) -> xd: float32[1,2,4,4]",
        "  DequantizeLinear_2 = DequantizeLinear(w/s8, ws, wzp/s8) -> wd: float32[3,2,3,3]",
        "  Conv_3 = Conv(xd, wd) {pads=[1,1,1,1]} -> c: float32[1,3,4,4]",
        "  QuantizeLinear_4 = QuantizeLinear(c, ys, QuantizeLinear_4/zero_point_s8) -> cq: int8[1,3,4,4]",
        "  DequantizeLinear_5 = DequantizeLinear(cq, ys, DequantizeLinear_5/zero_point_s8) -> y: float32[1,3,4,4]",
        "  output y", ""), Map.of("x", QuantModels.randomFloats(RANDOM, 3f, 1, 2, 4, 4)));
  }

  /** TODO in NormalizeUint8: a uint8 model interface stays uint8, so its Q/DQ neighbours do too. */
  @Test
  void uint8InterfaceStays() throws Exception {
    Graph before = PassTesting.load(new OnnxModelBuilder().input("xq", DType.UINT8, 4)
        .initializer("s", Tensor.scalar(0.5f)).initializer("zp", Tensor.scalar(DType.UINT8, 3))
        .node("DequantizeLinear", List.of("xq", "s", "zp"), List.of("x"))
        .node("Relu", List.of("x"), List.of("r"))
        .node("QuantizeLinear", List.of("r", "s", "zp"), List.of("y"))
        .output("y", DType.UINT8, 4).build());
    assertSame(before, new NormalizeUint8().apply(before));
  }

  @Test
  void pipelineNormalizesBeforeFoldingAndKeepsInt8Weights() throws Exception {
    Graph before = PassTesting.load(QuantModels.convInteger(Tensor.scalar(0.01f)));
    Graph after = Pipeline.standard().run(before);
    assertEquals(List.of("DequantizeLinear", "DequantizeLinear", "Conv"), after.nodes().stream()
        .map(n -> n.opType()).toList());
    assertEquals(DType.INT8, after.type(after.nodes().get(1).input(0)).dtype());
    assertEquals(DType.INT8, after.type(after.nodes().get(1).input(2)).dtype());
  }
}
