package dev.tenax.target;

/**
 * The stack a build reserves in SRAM for the fit check, and where the figure comes from (named in
 * the diagnostic, so that a refused model says whether its stack or its arena is too large).
 *
 * A Cortex-M project's link reserves it (the Makefile's STACK_SIZE, ProjectView.stackBytes), and
 * ARMv8-M cores fault on a stack below the reserve (MSPLIM, qemu/common/startup.c), so the
 * intermittent harness's figure (one -fstack-usage measurement) is checked by every intermittent
 * run on cortex-m33 (CortexMIntermittentTest); on older cores only stack painting checks it, for the
 * continuous harness (CortexMRunTest).
 *
 * @param bytes the stack the inference needs at most
 * @param source how it was found, e.g. "estimated: step 6 tx_conv2d_s8 ..."
 */
public record StackEstimate(long bytes, String source) {
  /** The flat budget used when the calls are not known: kernels use a few hundred bytes to a few KB. */
  public static final StackEstimate FLAT = new StackEstimate(4 * 1024, "budgeted for the stack");
}
