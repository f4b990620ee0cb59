package dev.tenax.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpyTest {
  @Test
  void roundTripsEveryDtype() throws Exception {
    for (DType t : DType.values()) {
      Tensor x = t.isFloat() ? Tensor.ofFloats(new int[] {2, 2}, new float[] {1.5f, -2f, 0f, 3e-8f})
          : Tensor.ofLongs(t, new int[] {2, 2}, new long[] {0, 1, t.max(), t.min()});
      assertEquals(x, Npy.read(Npy.write(x)), t.toString());
    }
    Tensor scalar = Tensor.scalar(4f);
    assertEquals(scalar, Npy.read(Npy.write(scalar)));
    Tensor vector = Tensor.vector(DType.INT64, 7);
    assertEquals(vector, Npy.read(Npy.write(vector)));
  }

  @Test
  void readsFloat64AsFloat32() throws Exception {
    String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
    header = header + " ".repeat(128 - 10 - header.length() - 1) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 16).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
        .putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).putDouble(0.25)
        .putDouble(-1);
    assertEquals(Tensor.ofFloats(new int[] {2}, new float[] {0.25f, -1f}), Npy.read(b.array()));
  }

  @Test
  void refusesGarbageAndTruncation() {
    assertThrows(IOException.class, () -> Npy.read("hello".getBytes(StandardCharsets.US_ASCII)));
    byte[] full = Npy.write(Tensor.ofFloats(new int[] {8}, new float[8]));
    assertThrows(IOException.class, () -> Npy.read(java.util.Arrays.copyOf(full, full.length - 3)));
  }
}
