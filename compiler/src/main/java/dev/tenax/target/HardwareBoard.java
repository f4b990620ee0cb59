package dev.tenax.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real board a Cortex-M project's {@code make flash} links for by default (its QEMU board's
 * board.mk names it as TENAX_HW_BOARD; qemu/boards.md, "Real boards"), with the flash and SRAM
 * its linker script qemu/hardware/&lt;name&gt;.ld gives, so that the compiler can say when a build
 * that runs under QEMU will not link for it.
 */
public record HardwareBoard(String name, long flashBytes, long sramBytes) {
  private static final Pattern DEFAULT_BOARD = Pattern.compile("(?m)^TENAX_HW_BOARD\\s*:=\\s*(\\S+)\\s*$");
  private static final Pattern REGION =
      Pattern.compile("(?m)^\\s*(FLASH|RAM)\\s*\\([a-z]+\\)\\s*:\\s*ORIGIN\\s*=\\s*[^,]+,\\s*LENGTH\\s*=\\s*(\\d+)([KM]?)\\s*$");

  /** {@code make flash}'s default board for {@code t}; empty for a target without one (cortex-m55, MSP430, host). */
  public static Optional<HardwareBoard> defaultFor(Target t) {
    if (!t.family().equals("cortex-m")) {
      return Optional.empty();
    }
    Matcher board = DEFAULT_BOARD.matcher(resource("/qemu/" + t.qemuMachine() + "/board.mk"));
    if (!board.find()) {
      return Optional.empty();
    }
    String name = board.group(1);
    Matcher region = REGION.matcher(resource("/qemu/hardware/" + name + ".ld"));
    long flash = -1;
    long sram = -1;
    while (region.find()) {
      long bytes = Long.parseLong(region.group(2))
          * (region.group(3).equals("K") ? 1024 : region.group(3).equals("M") ? 1024 * 1024 : 1);
      if (region.group(1).equals("FLASH")) {
        flash = bytes;
      } else {
        sram = bytes;
      }
    }
    if (flash <= 0 || sram <= 0) {
      throw new IllegalStateException("qemu/hardware/" + name + ".ld has no FLASH and RAM lengths");
    }
    return Optional.of(new HardwareBoard(name, flash, sram));
  }

  /** {@code t} with this board's memories, for the fit check. */
  public Target asTarget(Target t) {
    return new Target(t.name(), t.family(), name + ", make flash's default board", flashBytes, sramBytes, t.cflags(),
        t.qemuMachine(), t.qemuCpu(), t.features(), t.clockHz());
  }

  private static String resource(String path) {
    try (InputStream in = HardwareBoard.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
