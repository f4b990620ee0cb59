package dev.tenax.target;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a compiled model fits a target's memories. Flash holds the code and the constant
 * data; SRAM holds the arena, the input and output tensors the harness keeps, and the stack.
 * Code is a budget (the linker map measures the real figure); the stack is estimated from the
 * calls the model makes (codegen.StackEstimator), or budgeted when they are not known.
 */
public final class TargetFit {
  /** Code budget: runtime kernels, model calls and board support, measured well below this. */
  public static final long CODE_BUDGET = 24 * 1024;

  private TargetFit() {}

  /**
   * The NVM region of each Cortex-M QEMU board (qemu/&lt;board&gt;/&lt;board&gt;.ld, checked by
   * TargetFitTest), which holds an intermittent build's arena, tensors and progress.
   */
  static final java.util.Map<String, Long> NVM_BYTES = java.util.Map.of("microbit", 2L * 1024,
      "mps2-an385", 16L << 20, "mps2-an386", 16L << 20, "mps2-an500", 16L << 20, "mps2-an505", 16L << 20,
      "mps3-an547", 16L << 20);

  /** What an intermittent harness keeps in NVM besides the arena and tensors: progress and its own state. */
  static final long NVM_STATE = 128;

  /** The problems of a continuous-power build (empty when the model fits). */
  public static List<Diagnostic> check(Target t, long weightBytes, long arenaBytes, long ioBytes) {
    return check(t, weightBytes, arenaBytes, ioBytes, false);
  }

  /** The problems, without the generated model code counted apart. */
  public static List<Diagnostic> check(Target t, long weightBytes, long arenaBytes, long ioBytes,
      boolean intermittent) {
    return check(t, weightBytes, FirmwareCode.NONE, arenaBytes, ioBytes, intermittent);
  }

  /**
   * The problems (empty when the model fits); an intermittent build keeps its arena and tensors in
   * NVM. {@code code}: the model source's calls, call tables and parameter structs, which grow with
   * an intermittent build's tiles and their parts, and the runtime sources.
   */
  public static List<Diagnostic> check(Target t, long weightBytes, FirmwareCode code, long arenaBytes,
      long ioBytes, boolean intermittent) {
    return check(t, weightBytes, code, arenaBytes, ioBytes, intermittent, StackEstimate.FLAT);
  }

  /** The problems, with {@code stack} (the calls' estimate) as the SRAM the stack takes. */
  public static List<Diagnostic> check(Target t, long weightBytes, FirmwareCode code, long arenaBytes,
      long ioBytes, boolean intermittent, StackEstimate stack) {
    return check(t, weightBytes, code, arenaBytes, ioBytes, intermittent, stack, 0);
  }

  /**
   * A Cortex-M harness's own data in SRAM for {@code steps} kernel calls, which the link places
   * beside the arena and tensors (templates/cortex-m/main.c.ftl, qemu/common/cycles.c, the C
   * library's; HarnessDataTest compares it with links). Continuous power: a tick per call, 8 bytes
   * each, and the tick counter's state (MobileNet VWW on cortex-m4: 264 + 60 bytes, the MNIST
   * example on cortex-m0: 80 + 72). Intermittent: the power-failure schedule tenax run writes
   * (1,026 words) and the rest of its .bss (DS-CNN KWS on cortex-m4: 4,152 + 8 bytes), whatever
   * the calls.
   */
  public static long cortexHarnessData(int steps, boolean intermittent) {
    return intermittent ? 4 * 1026 + 56 : 80 + 8L * steps;
  }

  /**
   * The problems, with {@code stack} as the SRAM the stack takes and {@code harnessData} the
   * harness's own data ({@link #cortexHarnessData}; 0 where it is not counted).
   */
  public static List<Diagnostic> check(Target t, long weightBytes, FirmwareCode code, long arenaBytes,
      long ioBytes, boolean intermittent, StackEstimate stack, long harnessData) {
    long generatedBytes = code.generatedBytes();
    List<Diagnostic> problems = new ArrayList<>();
    if (t.isHost()) {
      return problems;
    }
    if (t.family().equals("msp430")) {
      return Msp430Fit.check(t, weightBytes, code, arenaBytes, ioBytes, intermittent);
    }
    Long nvm = NVM_BYTES.get(t.qemuMachine());
    long needed = arenaBytes + ioBytes + NVM_STATE;
    if (intermittent && nvm != null && needed > nvm) {
      problems.add(Diagnostic.of(Code.TX090, String.format(Locale.ROOT, "an intermittent build needs %,d bytes "
          + "of NVM (%,d of arena + %,d of input and output tensors + %,d of progress and harness state); "
          + "the %s board's NVM region has %,d", needed, arenaBytes, ioBytes, NVM_STATE, t.qemuMachine(), nvm),
          "build it without --intermittent, or pick a target whose board has more NVM"));
      return problems;
    }
    if (intermittent) {
      arenaBytes = 0; // in NVM, not SRAM
      ioBytes = 0;
    }
    long flash = weightBytes + generatedBytes + CODE_BUDGET;
    if (t.flashBytes() > 0 && flash > t.flashBytes()) {
      problems.add(Diagnostic.of(Code.TX090, String.format(Locale.ROOT, "needs %,d bytes of flash "
          + "(%,d of weights and tables + %,d of model calls, call tables and parameter structs + %,d "
          + "budgeted for the kernels' code); %s (%s) has %,d", flash, weightBytes, generatedBytes,
          CODE_BUDGET, t.name(), t.description(), t.flashBytes()), Code.TX090.defaultHint()));
    }
    long sram = arenaBytes + ioBytes + harnessData + stack.bytes();
    if (t.sramBytes() > 0 && sram > t.sramBytes()) {
      String data = harnessData > 0 ? String.format(Locale.ROOT, " + %,d of harness data", harnessData) : "";
      problems.add(Diagnostic.of(Code.TX090, String.format(Locale.ROOT, "needs %,d bytes of SRAM "
          + "(%,d of arena + %,d of input and output tensors%s + %,d %s); %s (%s) "
          + "has %,d", sram, arenaBytes, ioBytes, data, stack.bytes(), stack.source(), t.name(), t.description(),
          t.sramBytes()), Code.TX090.defaultHint()));
    }
    return problems;
  }
}
