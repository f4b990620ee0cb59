package dev.tenax.hostrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optimization level a built MSP430 project was compiled at, and why, as its Makefile decided
 * by linking: -Os unless that overflowed the FRAM below 64 KB, then -Oz (the kernels' assembly
 * loops kept), then -Oz -DTX_SMALL_CODE (templates/msp430/Makefile.ftl writes the level and, per
 * level that overflowed, the bytes it lacked to {@code .tenax-level}).
 *
 * @param level "-Os", "-Oz", "-Oz -DTX_SMALL_CODE", or the CFLAGS the build was given instead
 * @param framUsed bytes of FRAM below 64 KB the linked firmware takes ({@code __fram_used__})
 * @param framBytes bytes of that FRAM the board's linker script gives the firmware
 * @param shortfalls the levels tried before, each with the bytes of FRAM its link lacked
 * @param chosenByLink false when CFLAGS came from the environment and make did not choose
 */
public record Msp430CodeLevel(String level, long framUsed, long framBytes, List<Shortfall> shortfalls,
    boolean chosenByLink) {
  /** A level whose link overflowed the FRAM by {@code bytes}. */
  public record Shortfall(String level, long bytes) {}

  /** The file the Makefile writes when it falls back: the level, then one message per level tried. */
  public static final String LEVEL_FILE = ".tenax-level";
  private static final Pattern LACKS = Pattern.compile("at (.+?) the firmware lacks (\\d+) bytes");

  public Msp430CodeLevel {
    shortfalls = List.copyOf(shortfalls);
  }

  /** Bytes of FRAM the -Os link lacked when the build fell back, else 0. */
  public long osShortfall() {
    return shortfalls.stream().filter(s -> s.level().equals("-Os")).mapToLong(Shortfall::bytes).findFirst().orElse(0);
  }

  /** Reads the level of the project in {@code dir} whose firmware {@code elf} was just built. */
  public static Msp430CodeLevel read(Path dir, Path elf) throws IOException {
    long used = ElfSymbols.read(elf).find("__fram_used__").map(ElfSymbols.Symbol::address).orElse(-1L);
    LinkOverflow.Region fram = LinkOverflow.regions(dir).get("FRAM");
    long there = fram == null ? -1 : fram.length();
    String environment = System.getenv("CFLAGS");
    if (environment != null) {
      return new Msp430CodeLevel(environment, used, there, List.of(), false);
    }
    Path file = dir.resolve(LEVEL_FILE);
    // the Makefile ignores a level file older than itself (left by an earlier model): so do we
    if (Files.exists(file) && Files.getLastModifiedTime(file).compareTo(
        Files.getLastModifiedTime(dir.resolve("Makefile"))) > 0) {
      List<String> lines = Files.readAllLines(file);
      List<Shortfall> shortfalls = new ArrayList<>();
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        Matcher m = LACKS.matcher(line);
        if (m.find()) {
          shortfalls.add(new Shortfall(m.group(1), Long.parseLong(m.group(2))));
        }
      }
      return new Msp430CodeLevel(lines.isEmpty() ? "" : lines.get(0).strip(), used, there, shortfalls, true);
    }
    return new Msp430CodeLevel("-Os", used, there, List.of(), true);
  }

  /** One line for the compile summary: the level, and the sizes that decided it. */
  public String summary() {
    String linked = String.format(Locale.ROOT, "%,d of the %,d bytes of FRAM below 64 KB", framUsed, framBytes);
    if (!chosenByLink) {
      return "code compiled with CFLAGS from the environment (" + level + "), not chosen by the link: the firmware "
          + "takes " + linked;
    }
    if (shortfalls.isEmpty()) {
      return "code compiled with " + level + ": the firmware takes " + linked;
    }
    StringBuilder sb = new StringBuilder("code compiled with " + level
        + (level.contains("TX_SMALL_CODE") ? " (smallest code, slower loops)" : " (smaller code, assembly loops kept)")
        + ":");
    for (Shortfall s : shortfalls) {
      sb.append(String.format(Locale.ROOT, " at %s the firmware needs %,d bytes of FRAM below 64 KB, %,d more than "
          + "there are;", s.level(), framBytes + s.bytes(), s.bytes()));
    }
    return sb.append(" at ").append(level).append(" it takes ").append(linked).toString();
  }
}
