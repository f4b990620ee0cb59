package dev.tenax.hostrun;

/**
 * A compiled model's shared library could not be loaded, or lacks a symbol. The message names
 * the file or symbol and carries the dynamic loader's own explanation (dlerror()).
 */
public final class NativeLoadException extends RuntimeException {
  public NativeLoadException(String message) {
    super(message);
  }

  public NativeLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
