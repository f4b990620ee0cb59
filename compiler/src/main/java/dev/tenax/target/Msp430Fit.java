package dev.tenax.target;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a model fits an MSP430 FRAM part, and where its arena goes. clang-19 emits 16-bit
 * addresses only, so code, weights, the input and output tensors (which the harness keeps in
 * FRAM) and an FRAM arena must all lie in the FRAM below 64 KB; the rest of a large part's FRAM
 * is out of reach. The arena goes to SRAM when it fits there beside the stack (SRAM is faster and
 * wears nothing), otherwise to FRAM.
 */
public final class Msp430Fit {
  /** Code budget (kernels, the EABI helpers, start-up and harness) when the runtime sources are not known. */
  public static final long CODE_BUDGET = 16 * 1024;
  /**
   * How far over the FRAM the estimate at -Oz may be and still go to the linker, which decides
   * (the Makefile links at -Os and falls back to -Oz on an FRAM overflow; an overflow at -Oz is
   * TX090 with the linker's numbers, hostrun.LinkOverflow). The estimate counts whole kernel
   * sources and rounds the generated code up, so it runs high: onnx-mlir-mnist 49,788 estimated
   * at -Os, 47,098 linked (5.7%). FirmwareFitTest holds it within 15% above the link, so a model
   * refused here, more than 15% over at -Oz, could not link either.
   */
  static final double LINK_DECIDES = 0.15;
  /** SRAM for .data and .bss besides the arena (the runtime and harness use a few dozen bytes). */
  public static final long DATA_BUDGET = 256;

  private Msp430Fit() {}

  /** The stack the board's linker script reserves (qemu/msp430fr*&#47;*.ld, __stack_size__). */
  public static long stackReserve(Target t) {
    return t.sramBytes() >= 8 * 1024 ? 1024 : 768;
  }

  public static boolean arenaInSram(Target t, long arenaBytes) {
    return arenaBytes + stackReserve(t) + DATA_BUDGET <= t.sramBytes();
  }

  /** The C optimization for speed with a small size, the default. */
  public static final String FAST = "-Os";
  /** Smallest code (clang's -Oz: about a fifth less runtime code, some 7% more cycles): when -Os does not fit. */
  public static final String SMALL = "-Oz";

  /** The runtime's measured code at {@code level} when the sources are known, else the budget. */
  static long runtimeCode(FirmwareCode code, boolean intermittent, String level) {
    return code.runtimeSources().isEmpty() ? CODE_BUDGET
        : Msp430CodeSize.of(code.runtimeSources(), intermittent, level);
  }

  /** The FRAM below 64 KB the firmware is estimated to take (what the check compares with the part's). */
  public static long framBytes(Target t, long weightBytes, FirmwareCode code, long arenaBytes, long ioBytes,
      boolean intermittent) {
    return framBytes(t, weightBytes, code, arenaBytes, ioBytes, intermittent,
        codeOptimization(t, weightBytes, code, arenaBytes, ioBytes, intermittent));
  }

  private static long framBytes(Target t, long weightBytes, FirmwareCode code, long arenaBytes, long ioBytes,
      boolean intermittent, String level) {
    boolean sram = !intermittent && arenaInSram(t, arenaBytes);
    return weightBytes + code.generatedBytes() + runtimeCode(code, intermittent, level) + ioBytes
        + (sram ? 0 : arenaBytes);
  }

  /**
   * The level the estimate expects: {@link #FAST} when that fits the FRAM below 64 KB, else
   * {@link #SMALL}. Only a forecast: the build links at -Os and falls back to -Oz on an overflow.
   */
  public static String codeOptimization(Target t, long weightBytes, FirmwareCode code, long arenaBytes,
      long ioBytes, boolean intermittent) {
    return code.runtimeSources().isEmpty()
        || framBytes(t, weightBytes, code, arenaBytes, ioBytes, intermittent, FAST) <= t.flashBytes() ? FAST : SMALL;
  }

  /**
   * The problems (empty when the model fits or may fit); an intermittent build's arena is in FRAM
   * always. Only models clearly too large even at -Oz are refused here: the link decides the rest.
   */
  /** The problems (empty when the model fits); an intermittent build's arena is in FRAM always. */
  public static List<Diagnostic> check(Target t, long weightBytes, FirmwareCode code, long arenaBytes,
      long ioBytes, boolean intermittent) {
    List<Diagnostic> problems = new ArrayList<>();
    boolean sram = !intermittent && arenaInSram(t, arenaBytes);
    long generatedBytes = code.generatedBytes();
    String level = SMALL;
    long kernels = runtimeCode(code, intermittent, level);
    long fram = framBytes(t, weightBytes, code, arenaBytes, ioBytes, intermittent, level);
    if (fram > t.flashBytes() * (1 + LINK_DECIDES)) {
      problems.add(Diagnostic.of(Code.TX090, String.format(Locale.ROOT, "needs about %,d bytes of FRAM below "
          + "64 KB (%,d of weights and tables + %,d of model calls, call tables and parameter structs + "
          + "%,d of runtime code (kernels, helpers, harness; compiled with " + level + ", the smallest) + %,d of float32 "
          + "input and output "
          + "tensors%s); %s (%s) has %,d there. clang emits 16-bit addresses only, so FRAM above "
          + "0x10000 cannot hold code or constants (20-bit MSP430X addressing is not supported). The estimate "
          + "errs high by less than %d%%, and this is more over than that, so the firmware would not link",
          fram, weightBytes, generatedBytes, kernels, ioBytes, sram ? "" : String.format(Locale.ROOT,
              intermittent ? " + %,d of arena, in FRAM to survive power loss%s"
                  : " + %,d of arena, which does not fit in SRAM beside the %,d-byte stack", arenaBytes,
              intermittent ? "" : stackReserve(t)), t.name(), t.description(), t.flashBytes(),
          Math.round(LINK_DECIDES * 100)),
          "use a smaller model (fewer or narrower layers), or a Cortex-M target"));
    }
    return problems;
  }
}
