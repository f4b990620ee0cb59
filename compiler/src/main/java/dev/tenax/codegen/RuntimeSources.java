package dev.tenax.codegen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Which runtime-c files a project needs for the kernels it calls. */
public final class RuntimeSources {
  private RuntimeSources() {}

  /**
   * Kernels whose code lives in another file than {@code <kernel>.c}, and support files a
   * kernel needs besides its own.
   */
  private static final Map<String, List<String>> EXTRA = Map.of();

  /** Every float32 kernel (and quantize, which rounds with tx_rintf) uses our own math functions. */
  private static final String FLOAT_MATH = "tx_math_f32.c";

  /** The .c files under runtime-c/src, sorted. */
  public static List<String> forKernels(Collection<String> kernels) {
    TreeSet<String> files = new TreeSet<>();
    for (String k : kernels) {
      files.add(k + ".c");
      files.addAll(EXTRA.getOrDefault(k, List.of()));
      if (k.contains("f32")) {
        files.add(FLOAT_MATH);
      }
    }
    return new ArrayList<>(files);
  }
}
