package dev.tenax.passes;

import static dev.tenax.testing.ProtoModels.attr;
import static dev.tenax.testing.ProtoModels.model;
import static dev.tenax.testing.ProtoModels.node;
import static dev.tenax.testing.ProtoModels.tensor;
import static dev.tenax.testing.ProtoModels.withInitializers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Before/after IR text for each pass, with unchanged float results. */
class PassesTest {
  private static final int FLOAT = 1;

  private static Tensor ramp(int... shape) {
    int n = dev.tenax.ir.Shapes.size(shape);
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = ((i * 7) % 11 - 5) / 4f;
    }
    return Tensor.ofFloats(shape, f);
  }

  private static Map<String, Tensor> inits(Object... kv) {
    Map<String, Tensor> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Tensor) kv[i + 1]);
    }
    return m;
  }

  @Test
  void foldConstantsTurnsShapeArithmeticIntoAStaticReshape() throws Exception {
    var m = withInitializers(model(13, List.of(
        node("shape", "Shape", List.of("x"), List.of("s")),
        node("gather", "Gather", List.of("s", "zero"), List.of("n")),
        node("unsq", "Unsqueeze", List.of("n", "axes"), List.of("n1")),
        node("concat", "Concat", List.of("n1", "minus1"), List.of("shp")),
        node("reshape", "Reshape", List.of("x", "shp"), List.of("out"))).stream()
            .map(n -> n.getOpType().equals("Concat") ? attr(n, "axis", Attribute.ofInt(0)) : n).toList(),
        List.of(tensor("x", FLOAT, 2, 3, 4)), List.of(tensor("out", FLOAT, 2, 12))),
        inits("zero", Tensor.scalar(DType.INT64, 0), "axes", Tensor.vector(DType.INT64, 0),
            "minus1", Tensor.vector(DType.INT64, -1)));
    Graph before = PassTesting.load(m);
    PassTesting.check(new FoldConstants(), before, String.join("\n",
        "graph \"g\" opsets {ai.onnx: 13}",
        "  input x: float32[2,3,4]",
        "  const zero: int64[] {0}",
        "  const axes: int64[1] {0}",
        "  const minus1: int64[1] {-1}",
        "  shape = Shape(x) -> s: int64[3]",
        "  gather = Gather(s, zero) -> n: int64[]",
        "  unsq = Unsqueeze(n, axes) -> n1: int64[1]",
        "  concat = Concat(n1, minus1) {axis=0} -> shp: int64[2]",
        "  reshape = Reshape(x, shp) -> out: float32[2,12]",
        "  output out", ""), String.join("\n",
        "graph \"g\" opsets {ai.onnx: 13}",
        "  input x: float32[2,3,4]",
        "  const shp: int64[2] {2,-1}",
        "  reshape = Reshape(x, shp) -> out: float32[2,12]",
        "  output out", ""), Map.of("x", ramp(2, 3, 4)));
  }

  @Test
  void removeIdentitiesKeepsGraphOutputNames() throws Exception {
    var m = model(13, List.of(node("relu", "Relu", List.of("x"), List.of("r")),
        node("id", "Identity", List.of("r"), List.of("i")),
        node("drop", "Dropout", List.of("i"), List.of("out"))),
        List.of(tensor("x", FLOAT, 4)), List.of(tensor("out", FLOAT, 4)));
    PassTesting.check(new RemoveIdentities(), PassTesting.load(m), String.join("\n",
        "graph \"g\" opsets {ai.onnx: 13}",
        "  input x: float32[4]",
        "  relu = Relu(x) -> r: float32[4]",
        "  id = Identity(r) -> i: float32[4]",
        "  drop = Dropout(i) -> out: float32[4]",
        "  output out", ""), String.join("\n",
        "graph \"g\" opsets {ai.onnx: 13}",
        "  input x: float32[4]",
        "  relu = Relu(x) -> out: float32[4]",
        "  output out", ""), Map.of("x", ramp(4)));
  }

  @Test
  void foldBatchNormIntoConvAndGemmButKeepStandalone() throws Exception {
    var m = withInitializers(model(13, List.of(
        node("bn0", "BatchNormalization", List.of("x", "s0", "b0", "m0", "v0"), List.of("x1")),
        node("conv", "Conv", List.of("x1", "w", "cb"), List.of("c")),
        node("bn1", "BatchNormalization", List.of("c", "s1", "b1", "m1", "v1"), List.of("y")),
        node("flat", "Flatten", List.of("y"), List.of("f")),
        node("fc", "Gemm", List.of("f", "fw", "fb"), List.of("g")),
        node("bn2", "BatchNormalization", List.of("g", "s2", "b2", "m2", "v2"), List.of("out"))),
        List.of(tensor("x", FLOAT, 1, 2, 3, 3)), List.of(tensor("out", FLOAT, 1, 3))),
        inits("s0", ramp(2), "b0", ramp(2), "m0", ramp(2), "v0", Tensor.ofFloats(new int[] {2}, new float[] {1, 2}),
            "w", ramp(2, 2, 3, 3), "cb", ramp(2),
            "s1", ramp(2), "b1", ramp(2), "m1", ramp(2), "v1", Tensor.ofFloats(new int[] {2}, new float[] {0.5f, 3}),
            "fw", ramp(2, 3), "fb", ramp(3),
            "s2", ramp(3), "b2", ramp(3), "m2", ramp(3), "v2", Tensor.ofFloats(new int[] {3}, new float[] {1, 2, 4})));
    Graph before = PassTesting.load(m);
    Graph after = new FoldBatchNorm().apply(before);
    assertEquals(List.of("BatchNormalization", "Conv", "Flatten", "Gemm"),
        after.nodes().stream().map(n -> n.opType()).toList());
    PassTesting.check(new FoldBatchNorm(), before, dev.tenax.ir.IrPrinter.print(before),
        dev.tenax.ir.IrPrinter.print(after), Map.of("x", ramp(1, 2, 3, 3)));
  }

  /** Expected values computed by hand: column j of W times scale_j / sqrt(var_j + eps), bias B - mean * that. */
  @Test
  void foldBatchNormTurnsMatMulIntoGemmWithBias() throws Exception {
    var m = withInitializers(model(9, List.of(
        node("mm", "MatMul", List.of("x", "w"), List.of("h")),
        node("bn", "BatchNormalization", List.of("h", "s", "b", "m", "v"), List.of("out"))),
        List.of(tensor("x", FLOAT, 1, 3)), List.of(tensor("out", FLOAT, 1, 2))),
        inits("w", ramp(3, 2), "s", ramp(2), "b", ramp(2), "m", ramp(2),
            "v", Tensor.ofFloats(new int[] {2}, new float[] {1, 2})));
    Graph before = PassTesting.load(m);
    PassTesting.check(new FoldBatchNorm(), before, dev.tenax.ir.IrPrinter.print(before), String.join("\n",
        "graph \"g\" opsets {ai.onnx: 9}",
        "  input x: float32[1,3]",
        "  const mm/bn_folded_weight: float32[3,2] {1.5624923,0.17677626,0.6249969,0.44194067,-0.31249845,-0.26516438}",
        "  const mm/bn_folded_bias: float32[2] {-2.8124921,0.32322374}",
        "  mm = Gemm(x, mm/bn_folded_weight, mm/bn_folded_bias) {beta=1.0} -> out: float32[1,2]",
        "  output out", ""), Map.of("x", ramp(1, 3)));
  }

  /** The unfolded BatchNormalization after a Relu becomes a 1x1 depthwise Conv computing the same. */
  @Test
  void batchNormThatCannotFoldBecomesDepthwiseConv() throws Exception {
    var m = withInitializers(model(13, List.of(
        node("relu", "Relu", List.of("x"), List.of("r")),
        node("bn", "BatchNormalization", List.of("r", "s", "b", "m", "v"), List.of("out"))),
        List.of(tensor("x", FLOAT, 1, 2, 2, 2)), List.of(tensor("out", FLOAT, 1, 2, 2, 2))),
        inits("s", ramp(2), "b", ramp(2), "m", ramp(2), "v", Tensor.ofFloats(new int[] {2}, new float[] {1, 3})));
    Graph before = PassTesting.load(m);
    Graph after = PassTesting.check(new BatchNormToDepthwise(), before, dev.tenax.ir.IrPrinter.print(before),
        String.join("\n",
        "graph \"g\" opsets {ai.onnx: 13}",
        "  input x: float32[1,2,2,2]",
        // s = scale / sqrt(var + 1e-5) = {-1.25 / 1.000005, 0.5 / 1.7320537}, bias b - m * s
        "  const bn/depthwise_weight: float32[2,1,1,1] {-1.2499938,0.28867465}",
        "  const bn/depthwise_bias: float32[2] {-2.8124921,0.35566267}",
        "  relu = Relu(x) -> r: float32[1,2,2,2]",
        "  bn = Conv(r, bn/depthwise_weight, bn/depthwise_bias) {group=2, kernel_shape=[1,1]} -> out: float32[1,2,2,2]",
        "  output out", ""), Map.of("x", ramp(1, 2, 2, 2)));
    assertEquals(List.of("Relu", "Conv"), after.nodes().stream().map(n -> n.opType()).toList());
  }

  /** A Keras dense layer, MatMul then Add of a [1, N] bias, becomes one Gemm with an [N] bias. */
  @Test
  void matMulPlusBiasBecomesGemm() throws Exception {
    var m = withInitializers(model(13, List.of(
        node("mm", "MatMul", List.of("x", "w"), List.of("h")),
        node("add", "Add", List.of("bias", "h"), List.of("out"))),
        List.of(tensor("x", FLOAT, 2, 3)), List.of(tensor("out", FLOAT, 2, 2))),
        inits("w", ramp(3, 2), "bias", ramp(1, 2)));
    Graph before = PassTesting.load(m);
    PassTesting.check(new MatMulAddToGemm(), before, dev.tenax.ir.IrPrinter.print(before), String.join("\n",
        "graph \"g\" opsets {ai.onnx: 13}",
        "  input x: float32[2,3]",
        "  const w: float32[3,2] {-1.25,0.5,-0.5,1.25,0.25,-0.75}",
        "  const mm/gemm_bias: float32[2] {-1.25,0.5}",
        "  mm = Gemm(x, w, mm/gemm_bias) -> out: float32[2,2]",
        "  output out", ""), Map.of("x", ramp(2, 3)));
  }

  @Test
  void foldConstantsKeepsQuantizedWeights() throws Exception {
    var m = withInitializers(model(13, List.of(
        node("dq", "DequantizeLinear", List.of("wq", "scale"), List.of("w")),
        node("mm", "MatMul", List.of("x", "w"), List.of("out"))),
        List.of(tensor("x", FLOAT, 1, 2)), List.of(tensor("out", FLOAT, 1, 2))),
        inits("wq", Tensor.ofLongs(DType.INT8, new int[] {2, 2}, new long[] {1, -2, 3, 127}),
            "scale", Tensor.scalar(0.5f)));
    Graph before = PassTesting.load(m);
    Graph after = new FoldConstants().apply(before);
    assertEquals(dev.tenax.ir.IrPrinter.print(before), dev.tenax.ir.IrPrinter.print(after));
  }

  @Test
  void markFusedActivationsOnlyForSingleReaders() throws Exception {
    var m = withInitializers(model(13, List.of(
        node("conv", "Conv", List.of("x", "w"), List.of("c")),
        node("relu", "Relu", List.of("c"), List.of("r")),
        node("add", "Add", List.of("r", "r"), List.of("a")),
        node("sig", "Sigmoid", List.of("a"), List.of("s")),
        node("relu2", "Relu", List.of("a"), List.of("t")),
        node("sum", "Add", List.of("s", "t"), List.of("out"))),
        List.of(tensor("x", FLOAT, 1, 1, 3, 3)), List.of(tensor("out", FLOAT, 1, 1, 3, 3))),
        inits("w", ramp(1, 1, 1, 1)));
    Graph after = new MarkFusedActivations().apply(PassTesting.load(m));
    String text = dev.tenax.ir.IrPrinter.print(after);
    assertEquals(true, text.contains("conv = Conv(x, w) [fused-activation=Relu]"), text);
    assertEquals(true, text.contains("relu = Relu(c) [fuse-into=conv]"), text);
    assertEquals(false, text.contains("sig = Sigmoid(a) ["), text);
  }

  @Test
  void eliminateDeadNodesDropsUnusedBranches() throws Exception {
    var m = model(13, List.of(node("relu", "Relu", List.of("x"), List.of("out")),
        node("dead", "Sigmoid", List.of("x"), List.of("unused"))),
        List.of(tensor("x", FLOAT, 2)), List.of(tensor("out", FLOAT, 2)));
    PassTesting.check(new EliminateDeadNodes(), PassTesting.load(m), String.join("\n",
        "graph \"g\" opsets {ai.onnx: 13}",
        "  input x: float32[2]",
        "  relu = Relu(x) -> out: float32[2]",
        "  dead = Sigmoid(x) -> unused: float32[2]",
        "  output out", ""), String.join("\n",
        "graph \"g\" opsets {ai.onnx: 13}",
        "  input x: float32[2]",
        "  relu = Relu(x) -> out: float32[2]",
        "  output out", ""), Map.of("x", ramp(2)));
  }
}
