package dev.tenax.cli;

/** Process exit codes; fixed, documented in --help and docs/diagnostics.md. */
public final class ExitCodes {
  public static final int OK = 0;
  /** tenax simulate: no inference finished (the report says why and which capacitor would do). */
  public static final int NOT_FINISHED = 1;
  public static final int USAGE = 2;
  public static final int MODEL_REJECTED = 65;
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
