package dev.tenax.passes;

import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.onnx.proto.Onnx.ModelProto;
import dev.tenax.testing.OnnxModelBuilder;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small pre-quantized models in the forms the normalize passes rewrite, shared by the IR-text
 * and the equivalence tests. Weights are pseudo-random from a fixed seed.
 */
final class QuantModels {
  private QuantModels() {}

  static Tensor randomInts(Random r, DType dtype, int... shape) {
    long[] v = new long[dev.tenax.ir.Shapes.size(shape)];
    long lo = dtype == DType.UINT8 ? 0 : -128;
    for (int i = 0; i < v.length; i++) {
      v[i] = lo + r.nextInt(256);
    }
    return Tensor.ofLongs(dtype, shape, v);
  }

  static Tensor randomFloats(Random r, float range, int... shape) {
    float[] f = new float[dev.tenax.ir.Shapes.size(shape)];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) ((r.nextDouble() * 2 - 1) * range);
    }
    return Tensor.ofFloats(shape, f);
  }

  static Tensor floats(float... v) {
    return Tensor.ofFloats(new int[] {v.length}, v);
  }

  private static final Map<String, Attribute> CONV_ATTRS = Map.of("pads", Attribute.ofInts(1, 1, 1, 1),
      "strides", Attribute.ofInts(2, 2));

  /**
   * QLinearConv of x: act[1,2,5,5] by int8 w[3,2,3,3] (per-channel when {@code ws} has 3
   * elements) with an int32 bias, pads 1, strides 2; output act[1,3,3,3].
   */
  static ModelProto qlinearConv(DType act, float xs, float[] ws, float ys, int opset) {
    Random r = new Random(7);
    long zp = act == DType.UINT8 ? 128 : 0;
    int[] wsShape = ws.length == 1 ? new int[0] : new int[] {ws.length};
    return new OnnxModelBuilder().opset(opset).input("x", act, 1, 2, 5, 5)
        .initializer("xs", Tensor.scalar(xs)).initializer("xzp", Tensor.scalar(act, zp - 3))
        .initializer("w", randomInts(r, DType.INT8, 3, 2, 3, 3))
        .initializer("ws", Tensor.ofFloats(wsShape, ws.clone()))
        .initializer("wzp", Tensor.zeros(DType.INT8, wsShape))
        .initializer("ys", Tensor.scalar(ys)).initializer("yzp", Tensor.scalar(act, zp + 5))
        .initializer("B", Tensor.vector(DType.INT32, 300, -1000, 77))
        .node("QLinearConv", List.of("x", "xs", "xzp", "w", "ws", "wzp", "ys", "yzp", "B"), List.of("y"),
            CONV_ATTRS)
        .output("y", act, 1, 3, 3, 3).build();
  }

  /** QLinearMatMul of a: act[2,4] by int8 b[4,3] (per-column when {@code bs} has 3 elements); y: act[2,3]. */
  static ModelProto qlinearMatMul(DType act, float as, float[] bs, float ys, int opset) {
    Random r = new Random(8);
    long zp = act == DType.UINT8 ? 128 : 0;
    int[] bsShape = bs.length == 1 ? new int[0] : new int[] {bs.length};
    return new OnnxModelBuilder().opset(opset).input("a", act, 2, 4)
        .initializer("as", Tensor.scalar(as)).initializer("azp", Tensor.scalar(act, zp + 2))
        .initializer("b", randomInts(r, DType.INT8, 4, 3))
        .initializer("bs", Tensor.ofFloats(bsShape, bs.clone()))
        .initializer("bzp", Tensor.zeros(DType.INT8, bsShape))
        .initializer("ys", Tensor.scalar(ys)).initializer("yzp", Tensor.scalar(act, zp - 1))
        .node("QLinearMatMul", List.of("a", "as", "azp", "b", "bs", "bzp", "ys", "yzp"), List.of("y"))
        .output("y", act, 2, 3).build();
  }

  /**
   * ONNX Runtime's integer pattern with a constant scale: ConvInteger(x: uint8[1,2,5,5],
   * w: uint8[3,2,3,3], the only types ONNX Runtime runs) -> Cast(float) -> Mul(s).
   */
  static ModelProto convInteger(Tensor s) {
    Random r = new Random(9);
    return new OnnxModelBuilder().input("x", DType.UINT8, 1, 2, 5, 5)
        .initializer("w", randomInts(r, DType.UINT8, 3, 2, 3, 3))
        .initializer("xzp", Tensor.scalar(DType.UINT8, 131)).initializer("wzp", Tensor.scalar(DType.UINT8, 128))
        .initializer("s", s)
        .node("ConvInteger", List.of("x", "w", "xzp", "wzp"), List.of("acc"), CONV_ATTRS)
        .node("Cast", List.of("acc"), List.of("accf"), Map.of("to", Attribute.ofInt(1)))
        .node("Mul", List.of("s", "accf"), List.of("y"))
        .output("y", DType.FLOAT32, 1, 3, 3, 3).build();
  }

  /** MatMulInteger(a: uint8[2,4], b: int8[4,3], b_zp per column) -> Cast(float) -> Mul(s). */
  static ModelProto matMulInteger(Tensor s) {
    Random r = new Random(10);
    return new OnnxModelBuilder().input("a", DType.UINT8, 2, 4)
        .initializer("b", randomInts(r, DType.INT8, 4, 3))
        .initializer("bzp", Tensor.vector(DType.INT8, -8, 0, 7))
        .node("MatMulInteger", List.of("a", "b", "", "bzp"), List.of("acc"))
        .node("Cast", List.of("acc"), List.of("accf"), Map.of("to", Attribute.ofInt(1)))
        .initializer("s", s)
        .node("Mul", List.of("accf", "s"), List.of("y"))
        .output("y", DType.FLOAT32, 2, 3).build();
  }

  /**
   * A uint8 QDQ model: x: float[1,2,4,4] -> Q(uint8, zp 100) -> DQ -> Conv with the uint8
   * weight DQ(w, ws, wzp) -> Q(uint8, no zp) -> DQ -> y: float.
   */
  static ModelProto uint8Qdq(int opset) {
    Random r = new Random(11);
    return new OnnxModelBuilder().opset(opset).input("x", DType.FLOAT32, 1, 2, 4, 4)
        .initializer("xs", Tensor.scalar(0.02f)).initializer("xzp", Tensor.scalar(DType.UINT8, 100))
        .initializer("w", randomInts(r, DType.UINT8, 3, 2, 3, 3))
        .initializer("ws", Tensor.scalar(0.01f)).initializer("wzp", Tensor.scalar(DType.UINT8, 128))
        .initializer("ys", Tensor.scalar(0.05f))
        .node("QuantizeLinear", List.of("x", "xs", "xzp"), List.of("xq"))
        .node("DequantizeLinear", List.of("xq", "xs", "xzp"), List.of("xd"))
        .node("DequantizeLinear", List.of("w", "ws", "wzp"), List.of("wd"))
        .node("Conv", List.of("xd", "wd"), List.of("c"), Map.of("pads", Attribute.ofInts(1, 1, 1, 1)))
        .node("QuantizeLinear", List.of("c", "ys"), List.of("cq"))
        .node("DequantizeLinear", List.of("cq", "ys"), List.of("y"))
        .output("y", DType.FLOAT32, 1, 3, 4, 4).build();
  }
}
