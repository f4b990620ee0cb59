package dev.tenax.hostrun;

import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A shared library (a compiled model, or the runtime built for the host) loaded into this JVM
 * with {@code dlopen(RTLD_NOW | RTLD_LOCAL)}: every undefined symbol is resolved at open time,
 * so a half-linked model fails here rather than in the middle of an inference, and two models
 * compiled with the same symbol names do not see each other.
 *
 * <p>Not thread-safe with respect to {@link #close}: no entry point of this library may be
 * running while it is closed, or the process crashes.
 */
public final class NativeLibrary implements AutoCloseable {
  /** Room for a dlerror() message; glibc's include the path, so allow long ones. */
  private static final int ERROR_BYTES = 4096;

  private final Path path;
  private Pointer handle;

  private NativeLibrary(Path path, Pointer handle) {
    this.path = path;
    this.handle = handle;
  }

  /**
   * Loads the shared library at {@code path}.
   *
   * @throws NativeLoadException with the loader's explanation when it cannot be loaded
   */
  public static NativeLibrary open(Path path) {
    TxBridge.ensureLoaded();
    Path abs = path.toAbsolutePath().normalize();
    try (BytePointer err = new BytePointer(ERROR_BYTES)) {
      err.put(0, (byte) 0);
      Pointer handle = TxBridge.tx_bridge_open(abs.toString(), err, ERROR_BYTES);
      if (handle == null || handle.isNull()) {
        throw new NativeLoadException("cannot load shared library " + abs + ": " + text(err));
      }
      return new NativeLibrary(abs, handle);
    }
  }

  /** The absolute path this library was loaded from. */
  public Path path() {
    return path;
  }

  public synchronized boolean isOpen() {
    return handle != null;
  }

  /**
   * Looks up {@code symbol} and treats it as a model entry point
   * ({@code int32_t fn(const void *const *inputs, void *const *outputs, void *arena)}). The
   * signature cannot be checked: calling a symbol that is not such a function is undefined.
   *
   * @throws NativeLoadException when the library does not define {@code symbol}
   * @throws IllegalStateException when the library is closed
   */
  public ModelEntryPoint entryPoint(String symbol) {
    return new ModelEntryPoint(this, symbol, lookup(symbol));
  }

  synchronized Pointer lookup(String symbol) {
    requireOpen();
    try (BytePointer err = new BytePointer(ERROR_BYTES)) {
      err.put(0, (byte) 0);
      Pointer sym = TxBridge.tx_bridge_symbol(handle, symbol, err, ERROR_BYTES);
      if (sym == null || sym.isNull()) {
        throw new NativeLoadException(
            "symbol '" + symbol + "' not found in " + path + ": " + text(err));
      }
      return sym;
    }
  }

  void requireOpen() {
    if (!isOpen()) {
      throw new IllegalStateException("shared library " + path + " is closed");
    }
  }

  /**
   * Unloads the library (idempotent). Entry points obtained from it refuse to run afterwards.
   *
   * @throws NativeLoadException when dlclose fails
   */
  @Override
  public synchronized void close() {
    if (handle == null) {
      return;
    }
    Pointer h = handle;
    handle = null;
    try (BytePointer err = new BytePointer(ERROR_BYTES)) {
      err.put(0, (byte) 0);
      if (TxBridge.tx_bridge_close(h, err, ERROR_BYTES) != 0) {
        throw new NativeLoadException("cannot unload shared library " + path + ": " + text(err));
      }
    }
  }

  /** The NUL-terminated text in {@code err}; getString() alone would return the whole buffer. */
  private static String text(BytePointer err) {
    return err.limit(err.position()).getString();
  }

  @Override
  public String toString() {
    return "NativeLibrary[" + path + (isOpen() ? "" : ", closed") + "]";
  }
}
