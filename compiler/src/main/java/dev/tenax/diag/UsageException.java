package dev.tenax.diag;

/** A mistake in how Tenax was invoked (bad flag value, missing or mismatched input file). Exit code 2. */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message);
  }
}
