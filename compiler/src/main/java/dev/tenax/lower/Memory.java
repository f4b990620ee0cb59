package dev.tenax.lower;

import java.util.IdentityHashMap;
import java.util.Map;

/** The Java evaluator's storage: one array per buffer, shared by all views of it. */
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
    return (byte[]) array(v.buffer());
  }

  public short[] shorts(View v) {
    return (short[]) array(v.buffer());
  }

  public float[] floats(View v) {
    return (float[]) array(v.buffer());
  }

  /** Stores a kernel's result into the view's buffer. */
  public void put(View v, byte[] values) {
    System.arraycopy(values, 0, bytes(v), 0, values.length);
  }

  public void put(View v, short[] values) {
    System.arraycopy(values, 0, shorts(v), 0, values.length);
  }

  public void put(View v, float[] values) {
    System.arraycopy(values, 0, floats(v), 0, values.length);
  }
}
