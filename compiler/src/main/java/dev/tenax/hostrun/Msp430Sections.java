package dev.tenax.hostrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The linked section sizes of an MSP430 ELF (llvm-size-19 -A), summed the way qemu/msp430.md and
 * 'tenax bench' report them: FRAM is what the link placed at or above 0x4000 (code, constants,
 * weights, the I/O tensors, the arena when the compiler put it there), SRAM what it placed below
 * (initialized data, .bss, the arena when it is in SRAM), without the stack.
 */
public record Msp430Sections(Map<String, Long> sizes) {
  public static Msp430Sections read(Path elf) throws IOException {
    Map<String, Long> sizes = new HashMap<>();
    Process p;
    try {
      p = new ProcessBuilder("llvm-size-19", "-A", elf.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("cannot run llvm-size-19 (" + e.getMessage() + "): apt-get install llvm-19");
    }
    for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 2 && f[0].startsWith(".") && f[1].matches("\\d+")) {
        sizes.put(f[0], Long.parseLong(f[1]));
      }
    }
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + elf);
    }
    if (!sizes.containsKey(".text")) {
      throw new IOException("llvm-size-19 found no .text in " + elf + "; build the project again (make)");
    }
    return new Msp430Sections(Map.copyOf(sizes));
  }

  private long of(String section) {
    return sizes.getOrDefault(section, 0L);
  }

  public long code() {
    return of(".text");
  }

  public long fram() {
    return of(".text") + of(".rodata") + of(".tenax_weights") + of(".data") + of(".tenax_io")
        + of(".tenax_arena_fram");
  }

  public long sram() {
    return of(".data") + of(".bss") + of(".tenax_arena");
  }
}
