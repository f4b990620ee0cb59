package dev.tenax.target;

import java.util.Locale;

/** Renders {@code docs/guide/targets.md} from {@link Targets}; {@code TargetsDocTest} keeps it in sync. */
public final class TargetsDoc {
  private TargetsDoc() {}

  public static String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Targets\n\n");
    sb.append("<!-- Generated from compiler/src/main/java/dev/tenax/target/Targets.java by\n");
    sb.append("     `mvn -q -pl compiler test -Dtest=TargetsDocTest -Dtenax.regenerate=true`. -->\n\n");
    sb.append("`tenax compile MODEL --target NAME -o DIR` writes and builds a project for one of these.\n");
    sb.append("The memory sizes are what the compiler checks a model against (it refuses one that does not\n");
    sb.append("fit, with the numbers: TX090); for Cortex-M they are those of the QEMU board each target is\n");
    sb.append("tested on, for MSP430 those of the part below 64 KB. The clock is the one the performance and\n");
    sb.append("energy figures assume. `tenax doctor` says which toolchains are installed.\n\n");
    sb.append("| Target | Board or part | Flash / FRAM for code and weights | SRAM | Features | Clock | Build and run |\n");
    sb.append("|---|---|---|---|---|---|---|\n");
    for (Target t : Targets.all()) {
      sb.append("| `").append(t.name()).append("` | ").append(t.description()).append(" | ")
          .append(bytes(t.flashBytes())).append(" | ").append(bytes(t.sramBytes())).append(" | ")
          .append(t.features().isEmpty() ? "" : String.join(", ", t.features())).append(" | ")
          .append(t.clockHz() == 0 ? "" : String.format(Locale.ROOT, "%d MHz", t.clockHz() / 1_000_000)).append(" | ")
          .append(toolchain(t)).append(" |\n");
    }
    sb.append("\nFeatures: `dsp` selects the kernels in `runtime-c/arm-dsp/` (SIMD multiply-accumulate), `mve`\n");
    sb.append("the Helium kernels in `runtime-c/arm-mve/`, `hwmult32` the MSP430 hardware-multiplier kernels\n");
    sb.append("in `runtime-c/msp430-hwmult/`; `fpu` means float fallback nodes run in hardware. Cortex-M cores\n");
    sb.append("without `dsp` (cortex-m0, cortex-m3) take the scalar kernels in `runtime-c/arm-scalar/`.\n\n");
    sb.append("More: the QEMU boards, their memory maps, linker sections and the real boards `make flash`\n");
    sb.append("supports in [qemu/boards.md](../../qemu/boards.md); the MSP430 parts, which shared models fit\n");
    sb.append("them and their cycle counts in [qemu/msp430.md](../../qemu/msp430.md); instructions per MAC per\n");
    sb.append("target in [performance.md](../performance.md).\n");
    return sb.toString();
  }

  private static String bytes(long n) {
    if (n == 0) {
      return "no limit";
    }
    if (n % (1024 * 1024) == 0) {
      return n / (1024 * 1024) + " MB";
    }
    return n % 1024 == 0 ? n / 1024 + " KB" : String.format(Locale.ROOT, "%,d B", n);
  }

  private static String toolchain(Target t) {
    return switch (t.family()) {
      case "host" -> "gcc (or cc) and make; loaded into the JVM by `tenax run`/`eval`";
      case "msp430" -> "clang-19 `--target=msp430` + ld.lld-19 (or TI msp430-elf-gcc); `mspdebug sim`";
      default -> "arm-none-eabi-gcc `" + String.join(" ", t.cflags()) + "`; QEMU `-machine " + t.qemuMachine() + "`";
    };
  }
}
