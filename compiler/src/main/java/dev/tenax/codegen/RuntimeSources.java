package dev.tenax.codegen;

import dev.tenax.target.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which runtime-c files a project needs for the kernels it calls, and where each comes from: the
 * portable reference in runtime-c/src, or an optimized variant with the same name and signature
 * in a sibling folder chosen by the target's features.
 */
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

  /** What an intermittent build adds: the progress commit and the platform's NVM writes. */
  static final List<String> INTERMITTENT = List.of("tx_progress.c", "tx_nvm_direct.c");

  /** Folder (under runtime-c/) of the platform seam's implementation for NVM written by plain stores. */
  static final String PLATFORM_DIRECT = "platform/direct/";

  /**
   * The EABI helpers clang calls on the MSP430 (multiply, divide, shifts, software float): the
   * compiler has no runtime library for this target, so every MSP430 project gets them.
   */
  static final List<String> MSP430_HELPERS = List.of("tx_mspabi_float.c", "tx_mspabi_int.c",
      "tx_mspabi_int64.c", "tx_mspabi_mpy.c");

  /** Folder (under runtime-c/) of the MSP430 support files. */
  static final String MSP430 = "msp430/src/";

  /**
   * Folder (under runtime-c/) of the MSP430 variants on the 16x16 hardware multiplier, for parts
   * with "hwmult32" (every FR part Tenax targets): the multiply helpers and the int8 kernels.
   */
  static final String MSP430_HWMULT = "msp430-hwmult/src/";

  /** What the hardware-multiplier kernels share (the requantization); unused parts are dropped by the linker. */
  static final String MSP430_HWMULT_SHARED = "tx_msp430_hwmult.c";

  /** The kernels' files plus what the target's family needs besides them. */
  public static List<String> forTarget(Collection<String> kernels, Target target) {
    List<String> files = forKernels(kernels);
    if (target.family().equals("msp430")) {
      TreeSet<String> all = new TreeSet<>(files);
      all.addAll(MSP430_HELPERS);
      if (target.hasFeature("hwmult32")) {
        all.add(MSP430_HWMULT_SHARED);
      }
      return new ArrayList<>(all);
    }
    return files;
  }

  /** Folder (under runtime-c/) of the Helium (MVE) variants, for cores with "mve" (cortex-m55). */
  static final String ARM_MVE = "arm-mve/src/";

  /** Folder (under runtime-c/) of the DSP-extension variants, for cores with "dsp". */
  static final String ARM_DSP = "arm-dsp/src/";

  /**
   * Folder (under runtime-c/) of the scalar variants, for Cortex-M cores without the DSP extension
   * (cortex-m0, cortex-m3): plain C shaped for MLA/MULS, in place of the reference loops.
   */
  static final String ARM_SCALAR = "arm-scalar/src/";

  /** Folder (under runtime-c/) of the portable reference kernels. */
  static final String REFERENCE = "src/";

  /**
   * The resource path under runtime-c/ of project file {@code runtime/src/<file>} for a target:
   * the msp430-hwmult variant when the part has the hardware multiplier and that folder has the
   * file, runtime-c/msp430 for the other EABI helpers, the arm-mve variant when the core has MVE and that folder has the file, else the arm-dsp
   * variant when the core has the DSP extension and that folder has the file, else the
   * arm-scalar variant for the other Cortex-M cores when that folder has it, else the
   * reference.
   */
  public static String resourcePath(String file, Target target) {
    if (file.equals("tx_nvm_direct.c")) {
      return PLATFORM_DIRECT + file;
    }
    if (target.hasFeature("hwmult32") && has(MSP430_HWMULT + file)) {
      return MSP430_HWMULT + file;
    }
    if (MSP430_HELPERS.contains(file)) {
      return MSP430 + file;
    }
    if (target.hasFeature("mve") && has(ARM_MVE + file)) {
      return ARM_MVE + file;
    }
    if (target.hasFeature("dsp") && has(ARM_DSP + file)) {
      return ARM_DSP + file;
    }
    if (target.family().equals("cortex-m") && !target.hasFeature("dsp") && has(ARM_SCALAR + file)) {
      return ARM_SCALAR + file;
    }
    return REFERENCE + file;
  }

  private static boolean has(String path) {
    return RuntimeSources.class.getResource("/runtime-c/" + path) != null;
  }
}
