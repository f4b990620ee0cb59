package dev.tenax.codegen;

import dev.tenax.lower.Step;
import dev.tenax.target.CortexMStackFrames;
import dev.tenax.target.StackEstimate;
import dev.tenax.target.Target;
import java.util.List;
import java.util.Locale;

/**
 * The stack a Cortex-M build needs, from the calls its model makes, for the fit check: the
 * harness, plus the deepest call (its kernel's measured frames for the paths it takes and the
 * variable-length arrays it allocates), plus an interrupt and what the frame table cannot see
 * ({@link CortexMStackFrames}). The flat 4 KB it replaces let ResNet-8 (6.5 KB of stack on
 * cortex-m4) through and reserved 4 KB for the autoencoder's 1.7 KB. Other families keep their
 * own reserve (MSP430: Msp430Fit).
 */
public final class StackEstimator {
  private StackEstimator() {}

  /** The estimate for a continuous-power build compiled for speed (-O2). */
  public static StackEstimate of(List<? extends Step> steps, Target t) {
    return of(steps, t, false, false);
  }

  /**
   * The estimate for {@code steps} on {@code t}, with an intermittent build's harness (resume and
   * run functions above the kernels) when {@code intermittent}, and the kernels' frames at -Os when
   * {@code smallCode} (EmitOptions.smallCode); {@link StackEstimate#FLAT} for a non-Cortex-M target.
   */
  public static StackEstimate of(List<? extends Step> steps, Target t, boolean intermittent, boolean smallCode) {
    if (!t.family().equals("cortex-m")) {
      return StackEstimate.FLAT;
    }
    long deepest = 0;
    String what = "no kernel call";
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String kernel = s.kernel();
      boolean dsp = RuntimeSources.resourcePath(kernel + ".c", t).startsWith(RuntimeSources.ARM_DSP);
      List<String> paths = dsp ? DspKernelPaths.paths(s) : List.of();
      long frames = CortexMStackFrames.of(kernel, t.qemuCpu(), paths, smallCode);
      long arrays = dsp ? DspKernelStack.variableArrays(s, paths)
          : RuntimeSources.resourcePath(kernel + ".c", t).startsWith(RuntimeSources.ARM_SCALAR)
              ? ScalarKernelStack.variableArrays(s, t.qemuCpu(), smallCode) : 0;
      String how;
      if (frames < 0) {
        // a kernel scripts/measure-cortex-stack.sh has not measured yet: the old flat budget
        frames = StackEstimate.FLAT.bytes();
        how = String.format(Locale.ROOT, "%,d budgeted: its frames are not measured", frames);
      } else {
        how = String.format(Locale.ROOT, "%,d of frames%s%s", frames, smallCode ? " at -Os" : "",
            arrays > 0 ? String.format(Locale.ROOT, " + %,d of buffers sized for the call", arrays) : "");
      }
      if (frames + arrays > deepest) {
        deepest = frames + arrays;
        what = String.format(Locale.ROOT, "step %d %s: %s", i, kernel, how);
      }
    }
    long harness = (intermittent ? CortexMStackFrames.INTERMITTENT_HARNESS : CortexMStackFrames.HARNESS)
        + harnessGrowth(steps);
    long extra = CortexMStackFrames.UNSEEN + CortexMStackFrames.INTERRUPT;
    long bytes = harness + Math.max(CortexMStackFrames.PAINT_GAP, deepest + extra);
    return new StackEstimate(bytes, String.format(Locale.ROOT, "estimated for the stack: %,d of harness + the "
        + "deepest call (%s) + %,d for an interrupt and calls out of the kernels", harness, what, extra));
  }

  /**
   * What the harness's frames grow by beyond one input, one output and a few arena buffers: main
   * keeps a pointer per input and output tensor ({@link CortexMStackFrames#IO_POINTER} each), and
   * the generated function that makes the calls keeps the arena addresses it uses again in
   * registers, spilling those beyond the callee-saved ones to its frame (a random model of 24
   * branches: 248 bytes of main and 144 of invoke, where DS-CNN KWS has 64 and 48).
   */
  static long harnessGrowth(List<? extends Step> steps) {
    java.util.Set<dev.tenax.lower.Buffer> io = new java.util.HashSet<>();
    java.util.Set<dev.tenax.lower.Buffer> arena = new java.util.HashSet<>();
    for (Step s : steps) {
      List<dev.tenax.lower.View> views = new java.util.ArrayList<>(s.reads());
      views.add(s.write());
      for (dev.tenax.lower.View v : views) {
        (v.buffer().kind() == dev.tenax.lower.Buffer.Kind.ARENA ? arena : io).add(v.buffer());
      }
    }
    return CortexMStackFrames.IO_POINTER * Math.max(0, io.size() - 2)
        + CortexMStackFrames.SPILLED_ADDRESS * Math.max(0, arena.size() - CortexMStackFrames.ADDRESSES_IN_REGISTERS);
  }
}
