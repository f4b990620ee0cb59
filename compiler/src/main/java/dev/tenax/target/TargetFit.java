package dev.tenax.target;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a compiled model fits a target's memories. Flash holds the code and the constant
 * data; SRAM holds the arena, the input and output tensors the harness keeps, and the stack.
 * Code and stack are budgets (the linker map and stack painting measure the real figures).
 */
public final class TargetFit {
  /** Code budget: runtime kernels, model calls and board support, measured well below this. */
  public static final long CODE_BUDGET = 24 * 1024;
  /** Stack budget: kernels use a few hundred bytes; the harness and semihosting add some. */
  public static final long STACK_BUDGET = 4 * 1024;

  private TargetFit() {}

  /** The problems (empty when the model fits). */
  public static List<Diagnostic> check(Target t, long weightBytes, long arenaBytes, long ioBytes) {
    List<Diagnostic> problems = new ArrayList<>();
    if (t.isHost()) {
      return problems;
    }
    if (t.family().equals("msp430")) {
      return Msp430Fit.check(t, weightBytes, arenaBytes, ioBytes);
    }
    long flash = weightBytes + CODE_BUDGET;
    if (t.flashBytes() > 0 && flash > t.flashBytes()) {
      problems.add(Diagnostic.of(Code.TX090, String.format(Locale.ROOT, "needs %,d bytes of flash "
          + "(%,d of weights and tables + %,d budgeted for code); %s (%s) has %,d", flash, weightBytes,
          CODE_BUDGET, t.name(), t.description(), t.flashBytes()), Code.TX090.defaultHint()));
    }
    long sram = arenaBytes + ioBytes + STACK_BUDGET;
    if (t.sramBytes() > 0 && sram > t.sramBytes()) {
      problems.add(Diagnostic.of(Code.TX090, String.format(Locale.ROOT, "needs %,d bytes of SRAM "
          + "(%,d of arena + %,d of input and output tensors + %,d budgeted for the stack); %s (%s) "
          + "has %,d", sram, arenaBytes, ioBytes, STACK_BUDGET, t.name(), t.description(),
          t.sramBytes()), Code.TX090.defaultHint()));
    }
    return problems;
  }
}
