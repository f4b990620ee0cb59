package dev.tenax.hostrun;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * The JNI side of src/main/c/tx_bridge.{h,c}. The JavaCPP Maven plugin generates and compiles
 * its JNI library during process-classes; {@link NativeLibrary} is the Java API over it.
 */
@Platform(include = {"tx_bridge.h", "tx_bridge.c"}, link = "dl")
final class TxBridge {
  private static Throwable loadFailure;

  static {
    try {
      Loader.load();
    } catch (RuntimeException | LinkageError e) {
      loadFailure = e;
    }
  }

  private TxBridge() {}

  /**
   * Makes sure the JNI library is loaded; call before creating any JavaCPP pointer, because
   * the library also carries JavaCPP's own natives (Pointer allocation) for this JVM when
   * the javacpp platform jar is not on the class path, as in the CLI jar.
   *
   * @throws NativeLoadException when it cannot be loaded on this platform
   */
  static void ensureLoaded() {
    if (loadFailure != null) {
      throw new NativeLoadException("cannot load the host bridge's JNI library for platform "
          + Loader.getPlatform() + " (built by the JavaCPP plugin during 'mvn package'): " + loadFailure,
          loadFailure);
    }
  }

  static native Pointer tx_bridge_open(String path, @Cast("char*") BytePointer err, @Cast("size_t") long errSize);

  static native Pointer tx_bridge_symbol(
      Pointer handle, String name, @Cast("char*") BytePointer err, @Cast("size_t") long errSize);

  static native int tx_bridge_call_model(
      Pointer fn, @Cast("void**") PointerPointer<?> inputs, @Cast("void**") PointerPointer<?> outputs, Pointer arena);

  static native int tx_bridge_close(Pointer handle, @Cast("char*") BytePointer err, @Cast("size_t") long errSize);
}
