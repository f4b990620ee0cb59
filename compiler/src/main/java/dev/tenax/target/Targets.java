package dev.tenax.target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets Tenax compiles for. Memory sizes are those of the QEMU board each Cortex-M target
 * is tested on (see qemu/boards.md for where each number comes from); a real part with less
 * memory can be described by a later --flash/--sram option.
 */
public final class Targets {
  private Targets() {}

  private static final Map<String, Target> ALL = new LinkedHashMap<>();

  static {
    add(new Target("host", "host", "the machine running Tenax (gcc or cc, shared library)", 0, 0,
        List.of(), null, null, List.of("fpu"), 0));
    add(cortexM("cortex-m0", "BBC micro:bit (nRF51822), QEMU microbit", 256 * 1024, 14 * 1024,
        List.of("-mcpu=cortex-m0", "-mthumb", "-mfloat-abi=soft"), "microbit", "cortex-m0", List.of(), 16_000_000));
    add(cortexM("cortex-m3", "ARM MPS2 AN385, QEMU mps2-an385", 4 * 1024 * 1024, 4 * 1024 * 1024,
        List.of("-mcpu=cortex-m3", "-mthumb", "-mfloat-abi=soft"), "mps2-an385", "cortex-m3", List.of(), 25_000_000));
    add(cortexM("cortex-m4", "ARM MPS2 AN386, QEMU mps2-an386", 4 * 1024 * 1024, 4 * 1024 * 1024,
        List.of("-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"), "mps2-an386",
        "cortex-m4", List.of("dsp", "fpu"), 25_000_000));
    add(cortexM("cortex-m7", "ARM MPS2 AN500, QEMU mps2-an500", 4 * 1024 * 1024, 4 * 1024 * 1024,
        List.of("-mcpu=cortex-m7", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv5-d16"), "mps2-an500",
        "cortex-m7", List.of("dsp", "fpu"), 25_000_000));
    add(cortexM("cortex-m33", "ARM MPS2 AN505, QEMU mps2-an505", 4 * 1024 * 1024, 4 * 1024 * 1024,
        List.of("-mcpu=cortex-m33", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv5-sp-d16"), "mps2-an505",
        "cortex-m33", List.of("dsp", "fpu"), 20_000_000));
    add(cortexM("cortex-m55", "ARM MPS3 AN547, QEMU mps3-an547", 512 * 1024, 512 * 1024,
        List.of("-mcpu=cortex-m55", "-mthumb", "-mfloat-abi=hard"), "mps3-an547", "cortex-m55",
        List.of("dsp", "fpu", "mve"), 32_000_000));
    // MSP430: flash = the main FRAM below 64 KB, up to the interrupt vectors (qemu/msp430fr*/*.ld;
    // NVM is the information FRAM at 0x1800), the only FRAM 16-bit addresses reach; tested under
    // mspdebug sim.
    add(msp430("msp430fr5994", "MSP430FR5994: 256 KB FRAM (48 KB below 64 KB usable), 8 KB SRAM, "
        + "mspdebug sim", 0xBF80, 8 * 1024, List.of("hwmult32")));
    add(msp430("msp430fr5969", "MSP430FR5969: 64 KB FRAM (47 KB below 64 KB usable), 2 KB SRAM, "
        + "mspdebug sim", 0xBB80, 2 * 1024, List.of("hwmult32")));
  }

  private static Target msp430(String name, String board, long fram, long sram, List<String> features) {
    return new Target(name, "msp430", board, fram, sram, List.of("--target=msp430", "-mhwmult=none"), name,
        "msp430", features, 16_000_000);
  }

  private static Target cortexM(String name, String board, long flash, long sram, List<String> flags,
      String machine, String cpu, List<String> features, long clock) {
    return new Target(name, "cortex-m", board, flash, sram, flags, machine, cpu, features, clock);
  }

  private static void add(Target t) {
    ALL.put(t.name(), t);
  }

  public static Optional<Target> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  public static List<Target> all() {
    return List.copyOf(ALL.values());
  }
}
