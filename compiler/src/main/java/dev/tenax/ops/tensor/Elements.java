package dev.tenax.ops.tensor;

import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import java.util.List;

/**
 * Applies data movement to a tensor's storage, whatever its element type, so the ops in this
 * package never branch on float versus integer storage themselves.
 */
public final class Elements {
  private Elements() {}

  /** out[i] = src[index[i]], and zero where index[i] is -1. */
  static Tensor take(Tensor src, int[] outShape, int[] index) {
    return take(src, outShape, index, null);
  }

  /** out[i] = src[index[i]], and {@code fill} (a one-element tensor of src's type, null = 0) where index[i] is -1. */
  static Tensor take(Tensor src, int[] outShape, int[] index, Tensor fill) {
    int n = index.length;
    if (src.dtype().isFloat()) {
      float[] in = src.floats();
      float f = fill == null ? 0f : fill.floats()[0];
      float[] out = new float[n];
      for (int i = 0; i < n; i++) {
        out[i] = index[i] < 0 ? f : in[index[i]];
      }
      return Tensor.ofFloats(outShape, out);
    }
    long[] in = src.longs();
    long f = fill == null ? 0 : fill.longs()[0];
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = index[i] < 0 ? f : in[index[i]];
    }
    return Tensor.ofLongs(src.dtype(), outShape, out);
  }

  /** Transposes {@code src} so that output axis i is input axis {@code perm[i]}. */
  public static Tensor transpose(Tensor src, int[] perm) {
    int[] shape = src.shape();
    return take(src, IndexMaps.permuteShape(shape, perm), IndexMaps.permute(shape, perm));
  }

  /** Joins {@code parts} (same type, equal dims except {@code axis}) along {@code axis}. */
  static Tensor concat(List<Tensor> parts, int axis, int[] outShape) {
    DType type = parts.get(0).dtype();
    int n = Shapes.size(outShape);
    Object out = type.isFloat() ? new float[n] : new long[n];
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= outShape[d];
    }
    int outBlock = outer == 0 ? 0 : n / outer;
    int offset = 0;
    for (Tensor p : parts) {
      Object in = type.isFloat() ? p.floats() : p.longs();
      int block = outer == 0 ? 0 : p.size() / outer;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(in, o * block, out, o * outBlock + offset, block);
      }
      offset += block;
    }
    return type.isFloat() ? Tensor.ofFloats(outShape, (float[]) out)
        : Tensor.ofLongs(type, outShape, (long[]) out);
  }
}
