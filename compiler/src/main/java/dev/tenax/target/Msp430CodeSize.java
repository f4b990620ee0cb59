package dev.tenax.target;

import java.util.Collection;
import java.util.Properties;

/**
 * The code an MSP430 firmware's runtime takes, from the measured size of each runtime source
 * (msp430-code-bytes.properties, written by scripts/measure-msp430-code.sh and checked against a
 * fresh compile by Msp430CodeSizeTest), so that the fit check agrees with the link: the old flat
 * 16 KB budget let the MNIST CNN's 24 KB of kernels through to a linker error. A kernel source is
 * one function and links whole; the EABI helper libraries (soft float, 32- and 64-bit arithmetic)
 * link only what is called, so they count as {@link #HELPERS} instead of their full size.
 */
public final class Msp430CodeSize {
  /**
   * The helpers a model links: 3,740 bytes for the tiny CNN since the 32-bit argument checks (soft
   * float 2,494, 32-bit division and remainders 590, 64-bit multiply 298, rint 146, shifts 86,
   * multiply 126), rounded up.
   */
  static final long HELPERS = 3800;
  /** The harness (main.c) and start-up code: 274 bytes measured for a continuous build. */
  static final long HARNESS = 320;
  /** An intermittent harness (NVM writes, boot counting, failure injection): 764 bytes measured. */
  static final long INTERMITTENT_HARNESS = 800;
  private static final java.util.Set<String> HELPER_FILES = java.util.Set.of("tx_mspabi_float.c",
      "tx_mspabi_int.c", "tx_mspabi_int64.c", "tx_mspabi_mpy.c", "tx_math_f32.c");
  private static final Properties BYTES = MeasuredTable.load("msp430-code-bytes.properties");

  private Msp430CodeSize() {}

  /**
   * Code and constants of the runtime sources compiled at {@code level} ("-Os" or "-Oz"), helpers
   * and harness; a source not measured counts 6 KB. A little below the link is no harm: the build
   * then reports the overflow as TX090 too.
   */
  public static long of(Collection<String> runtimeSources, boolean intermittent, String level) {
    long bytes = HELPERS + (intermittent ? INTERMITTENT_HARNESS : HARNESS);
    for (String file : runtimeSources) {
      if (!HELPER_FILES.contains(file)) {
        bytes += Long.parseLong(BYTES.getProperty(file + "@" + level.substring(1), "6144"));
      }
    }
    return bytes;
  }
}
