package dev.tenax.ops;

import dev.tenax.diag.Code;

/**
 * A problem with one node, raised by an operator during type inference. The importer turns
 * it into a {@link dev.tenax.diag.Diagnostic} naming the node, so messages need not.
 */
public final class OpException extends RuntimeException {
  private final Code code;
  private final String hint;

  public OpException(Code code, String message, String hint) {
    super(message);
    this.code = code;
    this.hint = hint;
  }

  public OpException(Code code, String message) {
    this(code, message, null);
  }

  public Code code() {
    return code;
  }

  /** What the user can do, or null for the code's default advice. */
  public String hint() {
    return hint;
  }
}
