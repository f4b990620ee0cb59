package dev.tenax.codegen;

/**
 * Whether a continuous build runs calls in place ({@link InPlaceRows}): {@link #AUTO} (the
 * default) only when the plain arena does not fit the target's SRAM, and then only as far as the
 * build needs to fit, since every extra row tile is one more kernel call; {@link #SMALLEST} for
 * the smallest arena whatever it costs; {@link #OFF} never. Intermittent builds never do: a group
 * of tiles run again after a power failure must find its input as it was.
 */
public enum InPlace {
  AUTO,
  SMALLEST,
  OFF;

  /** The --in-place value: auto, smallest or off; a usage error names all three. */
  public static InPlace parse(String text) throws dev.tenax.diag.UsageException {
    return switch (text) {
      case "auto" -> AUTO;
      case "smallest" -> SMALLEST;
      case "off" -> OFF;
      default -> throw new dev.tenax.diag.UsageException("--in-place " + text + ": use auto (in place only when the "
          + "arena does not fit the target otherwise, the default), smallest (the smallest arena, more kernel calls) "
          + "or off");
    };
  }
}
