package dev.tenax.target;

import java.util.List;
import java.util.Properties;

/**
 * The measured stack frames behind a Cortex-M stack estimate: for each runtime kernel and core,
 * the deepest static stack below its entry point (written by scripts/measure-cortex-stack.sh from
 * arm-none-eabi-gcc -fcallgraph-info=su at the projects' -O2, cortex-m-stack-bytes.properties, and
 * at {@code --optimize=size}'s -Os -DTX_SMALL_CODE, cortex-m-stack-bytes-size.properties: some
 * frames grow at -Os; CortexMStackTableTest checks both against a fresh measurement), per set of
 * DSP paths for the arm-dsp kernels; and the fixed parts below. Variable-length arrays are not in the table
 * (codegen.DspKernelStack adds them per call).
 */
public final class CortexMStackFrames {
  /**
   * The harness above the kernels: Reset_Handler 8 + main 64 + the generated invoke function 40 to 48
   * bytes (arm-none-eabi-gcc -fstack-usage on the four MLPerf Tiny projects for cortex-m4; 8 + 56 + 40
   * on cortex-m0 for the example model), rounded up.
   */
  public static final long HARNESS = 128;
  /**
   * An intermittent build's harness: Reset_Handler 8 + main 40 + the generated resume function 48
   * + its run function 40, which makes the kernel call (DS-CNN KWS on cortex-m4, -fstack-usage),
   * with room for the resume and commit code to change.
   */
  public static final long INTERMITTENT_HARNESS = 192;
  /** main's pointer to each input and output tensor beyond the first of each (main.c.ftl's arrays). */
  public static final long IO_POINTER = 4;
  /**
   * The arena addresses the generated invoke (or run) function holds across its calls without
   * spilling: the callee-saved registers r4-r11 less those holding the arena, inputs and outputs
   * pointers and the status.
   */
  public static final long ADDRESSES_IN_REGISTERS = 4;
  /** A spilled arena address (one word of the calling function's frame). */
  public static final long SPILLED_ADDRESS = 4;
  /**
   * The harness's floor, above it: the stack painting (templates/cortex-m/main.c.ftl, paint_stack)
   * leaves the 256 bytes below main's frame unpainted, so the bench never reports less.
   */
  public static final long PAINT_GAP = 256;
  /**
   * An interrupt on top of the deepest call: the exception frame with the FPU's lazy-stacking space
   * (26 words, 104 bytes) and the SysTick handler's frame (32 bytes, qemu/common/cycles.c).
   */
  public static final long INTERRUPT = 136;
  /**
   * What the table cannot see: calls out of the kernel's file (memcpy, the EABI helpers of soft
   * float and 64-bit arithmetic: leaf routines of a few words each).
   */
  public static final long UNSEEN = 96;

  /** The frames at -O2, the projects' default. */
  private static final Properties FOR_SPEED = MeasuredTable.load("cortex-m-stack-bytes.properties");
  /** The frames of a project compiled for size (codegen.EmitOptions.SMALL_CODE). */
  private static final Properties FOR_SIZE = MeasuredTable.load("cortex-m-stack-bytes-size.properties");

  private CortexMStackFrames() {}

  /**
   * The deepest static stack below {@code kernel} (e.g. "tx_conv2d_s8") on {@code core}, -1 when
   * the kernel was not measured. For a DSP call taking {@code paths}: that set's figure plus what
   * the kernel's frames grow by when a project compiles more paths in (the figure with every path
   * less the largest of one set's: the project's other calls may take other paths), at most the
   * figure with every path. ResNet-8's tx_conv2d_s8 on cortex-m4, its five im2col paths compiled
   * in, takes 460 bytes where its deepest call's set alone takes 420. {@code smallCode}: the
   * figures of a project compiled for size.
   */
  public static long of(String kernel, String core, List<String> paths, boolean smallCode) {
    Properties bytes = smallCode ? FOR_SIZE : FOR_SPEED;
    String base = kernel + ".c@" + core;
    long all = Long.parseLong(bytes.getProperty(base, "-1"));
    String set = paths.isEmpty() ? null
        : bytes.getProperty(base + "@" + String.join("+", paths.stream().sorted().toList()));
    if (set == null) {
      return all;
    }
    long largestSet = bytes.stringPropertyNames().stream().filter(k -> k.startsWith(base + "@"))
        .mapToLong(k -> Long.parseLong(bytes.getProperty(k))).max().orElse(all);
    return Math.min(all, Long.parseLong(set) + Math.max(0, all - largestSet));
  }
}
