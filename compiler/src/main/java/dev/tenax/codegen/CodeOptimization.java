package dev.tenax.codegen;

/**
 * What a Cortex-M or host project's C is compiled for: {@link #SPEED} at -O2 (the default), or
 * {@link #SIZE} at {@link EmitOptions#SMALL_CODE}, which also leaves out the kernels' speed-only
 * code. MSP430 builds choose their own level by what fits the FRAM.
 */
public enum CodeOptimization {
  SPEED,
  SIZE;

  /** The --optimize value: speed or size; a usage error names both. */
  public static CodeOptimization parse(String text) throws dev.tenax.diag.UsageException {
    return switch (text) {
      case "speed" -> SPEED;
      case "size" -> SIZE;
      default -> throw new dev.tenax.diag.UsageException("--optimize " + text + ": use speed (-O2, the default) "
          + "or size (" + EmitOptions.SMALL_CODE + ": less flash for code, more instructions)");
    };
  }
}
