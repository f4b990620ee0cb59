package dev.tenax.hostrun;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A compiled model's entry point,
 * {@code int32_t fn(const void *const *inputs, void *const *outputs, void *arena)}, bound to
 * the {@link NativeLibrary} it came from. Tensors are raw bytes in the layout the generated
 * header documents; the bridge knows no shapes or types, so the caller sizes every buffer.
 */
public final class ModelEntryPoint {
  private final NativeLibrary library;
  private final String symbol;
  private final Pointer function;

  ModelEntryPoint(NativeLibrary library, String symbol, Pointer function) {
    this.library = library;
    this.symbol = symbol;
    this.function = function;
  }

  public String symbol() {
    return symbol;
  }

  public NativeLibrary library() {
    return library;
  }

  /**
   * Runs the entry point on native memory and returns its status (0 means success in the
   * generated code). Each pointer is passed at its current position; {@code arena} may be null
   * for a model that needs none.
   *
   * @throws IllegalStateException when the library has been closed
   */
  public int invoke(Pointer[] inputs, Pointer[] outputs, Pointer arena) {
    library.requireOpen();
    try (PointerPointer<Pointer> in = pointerArray(inputs);
        PointerPointer<Pointer> out = pointerArray(outputs)) {
      return TxBridge.tx_bridge_call_model(function, in, out, arena == null ? null : atBytePosition(arena));
    }
  }

  /**
   * Like {@link #invoke(Pointer[], Pointer[], Pointer)} on direct byte buffers, each seen by C
   * from its position; outputs are written in place. Heap buffers are refused because C would
   * write into a copy.
   *
   * @throws IllegalArgumentException when a buffer is not direct
   */
  public int invoke(ByteBuffer[] inputs, ByteBuffer[] outputs, ByteBuffer arena) {
    return invoke(wrap(inputs, "input"), wrap(outputs, "output"),
        arena == null ? null : wrap(arena, "arena"));
  }

  private static PointerPointer<Pointer> pointerArray(Pointer[] pointers) {
    // One slot even for an empty list, so C never receives a zero-length allocation.
    PointerPointer<Pointer> array = new PointerPointer<>(Math.max(1, pointers.length));
    for (int i = 0; i < pointers.length; i++) {
      array.put(i, pointers[i] == null ? null : atBytePosition(pointers[i]));
    }
    return array;
  }

  /**
   * JavaCPP's generated JNI code adds a pointer argument's position to its address as a byte
   * count whatever the element type, so an IntPointer at position 3 would arrive 3 bytes in,
   * not 12. A BytePointer whose position is the byte offset arrives where the caller meant.
   */
  private static Pointer atBytePosition(Pointer p) {
    return new BytePointer(p).position(p.position() * p.sizeof());
  }

  private static Pointer[] wrap(ByteBuffer[] buffers, String what) {
    Pointer[] pointers = new Pointer[buffers.length];
    for (int i = 0; i < buffers.length; i++) {
      pointers[i] = buffers[i] == null ? null : wrap(buffers[i], what + " " + i);
    }
    return pointers;
  }

  private static Pointer wrap(ByteBuffer buffer, String what) {
    if (!buffer.isDirect()) {
      throw new IllegalArgumentException(what + " must be a direct ByteBuffer (ByteBuffer.allocateDirect)");
    }
    return new BytePointer(buffer.slice());
  }

  @Override
  public String toString() {
    return "ModelEntryPoint[" + symbol + " in " + library.path() + "]";
  }
}
