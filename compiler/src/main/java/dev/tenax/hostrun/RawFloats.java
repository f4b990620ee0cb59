package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Tensors as the firmware harnesses hold them: raw little-endian float32 in row-major order. */
final class RawFloats {
  private RawFloats() {}

  /** The bytes of input {@code name}, which must have type {@code want}. */
  static byte[] of(String name, Tensor t, TensorType want) throws UsageException {
    if (t == null || !t.type().equals(want)) {
      throw new UsageException("input '" + name + "' must be " + want);
    }
    ByteBuffer b = ByteBuffer.allocate(t.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(t.floats());
    return b.array();
  }

  /** A tensor of {@code type} read back from {@code raw}. */
  static Tensor tensor(TensorType type, byte[] raw) {
    float[] f = new float[type.size()];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
    return Tensor.ofFloats(type.shape(), f);
  }
}
