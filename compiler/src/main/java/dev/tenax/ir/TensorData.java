package dev.tenax.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A tensor's elements as the kernels and the firmware harnesses hold them: int8 as bytes, int16
 * as shorts, and any of float32/int8/int16 as raw little-endian bytes in row-major order.
 */
public final class TensorData {
  private TensorData() {}

  public static byte[] int8s(Tensor t) {
    long[] v = ofType(t, DType.INT8).longs();
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) v[i];
    }
    return out;
  }

  public static short[] int16s(Tensor t) {
    long[] v = ofType(t, DType.INT16).longs();
    short[] out = new short[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (short) v[i];
    }
    return out;
  }

  public static Tensor ofInt8s(int[] shape, byte[] data) {
    long[] v = new long[data.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = data[i];
    }
    return Tensor.ofLongs(DType.INT8, shape, v);
  }

  public static Tensor ofInt16s(int[] shape, short[] data) {
    long[] v = new long[data.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = data[i];
    }
    return Tensor.ofLongs(DType.INT16, shape, v);
  }

  /** The raw little-endian bytes of a float32, int8 or int16 tensor. */
  public static byte[] littleEndian(Tensor t) {
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(t.type().bytes())).order(ByteOrder.LITTLE_ENDIAN);
    switch (t.dtype()) {
      case FLOAT32 -> b.asFloatBuffer().put(t.floats());
      case INT8 -> b.put(int8s(t));
      case INT16 -> b.asShortBuffer().put(int16s(t));
      default -> throw new IllegalArgumentException("no raw form for " + t.dtype() + " tensors");
    }
    return b.array();
  }

  /** A tensor of {@code type} (float32, int8 or int16) read back from its raw little-endian bytes. */
  public static Tensor fromLittleEndian(TensorType type, byte[] raw) {
    if (raw.length != type.bytes()) {
      throw new IllegalArgumentException(raw.length + " bytes do not hold " + type + " (" + type.bytes()
          + " bytes)");
    }
    ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    switch (type.dtype()) {
      case FLOAT32 -> {
        float[] f = new float[type.size()];
        b.asFloatBuffer().get(f);
        return Tensor.ofFloats(type.shape(), f);
      }
      case INT8 -> {
        return ofInt8s(type.shape(), raw.clone());
      }
      case INT16 -> {
        short[] s = new short[type.size()];
        b.asShortBuffer().get(s);
        return ofInt16s(type.shape(), s);
      }
      default -> throw new IllegalArgumentException("no raw form for " + type.dtype() + " tensors");
    }
  }

  private static Tensor ofType(Tensor t, DType want) {
    if (t.dtype() != want) {
      throw new IllegalArgumentException("tensor is " + t.dtype() + ", not " + want);
    }
    return t;
  }
}
