package dev.tenax.target;

/**
 * The stack a build reserves in SRAM for the fit check, and where the figure comes from (named in
 * the diagnostic, so that a refused model says whether its stack or its arena is too large).
 *
 * TODO(issue 4): the Cortex-M linker scripts still reserve a fixed stack (2 KB on the micro:bit,
 * 16 KB on the MPS boards) whatever this estimate says: pass it to the link (--defsym
 * __stack_size__) so that a model the check accepts cannot overflow the reserve; and the
 * intermittent harness's frames are one -fstack-usage measurement (DS-CNN KWS), checked by no run.
 *
 * @param bytes the stack the inference needs at most
 * @param source how it was found, e.g. "estimated: step 6 tx_conv2d_s8 ..."
 */
public record StackEstimate(long bytes, String source) {
  /** The flat budget used when the calls are not known: kernels use a few hundred bytes to a few KB. */
  public static final StackEstimate FLAT = new StackEstimate(4 * 1024, "budgeted for the stack");
}
