package dev.tenax.lower;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The Java evaluator's storage: one array per buffer, shared by all views of it. A view of part
 * of a buffer (a tile) reads a copy of its part and writes into its part.
 */
public final class Memory {
  private final Map<Buffer, Object> arrays = new IdentityHashMap<>();

  private Object array(Buffer b) {
    return arrays.computeIfAbsent(b, k -> switch (k.dtype()) {
      case INT8 -> new byte[k.elements()];
      case INT16 -> new short[k.elements()];
      case FLOAT32 -> new float[k.elements()];
      default -> throw new IllegalStateException("no storage for " + k);
    });
  }

  public byte[] bytes(View v) {
    byte[] a = (byte[]) array(v.buffer());
    return v.whole() ? a : Arrays.copyOfRange(a, v.offset(), v.offset() + v.elements());
  }

  public short[] shorts(View v) {
    short[] a = (short[]) array(v.buffer());
    return v.whole() ? a : Arrays.copyOfRange(a, v.offset(), v.offset() + v.elements());
  }

  public float[] floats(View v) {
    float[] a = (float[]) array(v.buffer());
    return v.whole() ? a : Arrays.copyOfRange(a, v.offset(), v.offset() + v.elements());
  }

  /** Stores a kernel's result into the view's part of its buffer. */
  public void put(View v, byte[] values) {
    System.arraycopy(values, 0, (byte[]) array(v.buffer()), v.offset(), checked(v, values.length));
  }

  public void put(View v, short[] values) {
    System.arraycopy(values, 0, (short[]) array(v.buffer()), v.offset(), checked(v, values.length));
  }

  public void put(View v, float[] values) {
    System.arraycopy(values, 0, (float[]) array(v.buffer()), v.offset(), checked(v, values.length));
  }

  private static int checked(View v, int length) {
    if (length > v.elements()) {
      throw new IllegalStateException(length + " values do not fit " + v);
    }
    return length;
  }
}
