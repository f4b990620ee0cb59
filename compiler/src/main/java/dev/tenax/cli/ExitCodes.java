package dev.tenax.cli;

/** Process exit codes; fixed, documented in --help and docs/diagnostics.md. */
public final class ExitCodes {
  public static final int OK = 0;
  /** tenax simulate: no inference finished (the report says why and which capacitor would do). */
  public static final int NOT_FINISHED = 1;
  public static final int USAGE = 2;
  public static final int MODEL_REJECTED = 65;
  /**
   * A build or a run failed for a reason outside Tenax's own code: a toolchain, QEMU or mspdebug
   * missing or failing, or firmware that faulted, stopped making progress or ran past --timeout
   * (the message says which and what to do).
   */
  public static final int BUILD_OR_RUN_FAILED = 69;
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
