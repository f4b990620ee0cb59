package dev.tenax.hostrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optimization level a built MSP430 project was compiled at, and why, as its Makefile decided
 * by linking: -Os unless that overflowed the FRAM below 64 KB, then -Oz (templates/msp430/
 * Makefile.ftl writes the fallback and the bytes -Os lacked to {@code .tenax-level}).
 *
 * @param level "-Os", "-Oz", or the CFLAGS the build was given instead
 * @param framUsed bytes of FRAM below 64 KB the linked firmware takes ({@code __fram_used__})
 * @param framBytes bytes of that FRAM the board's linker script gives the firmware
 * @param osShortfall bytes of FRAM the -Os link lacked when the build fell back to -Oz, else 0
 * @param chosenByLink false when CFLAGS came from the environment and make did not choose
 */
public record Msp430CodeLevel(String level, long framUsed, long framBytes, long osShortfall, boolean chosenByLink) {
  /** The file the Makefile writes when it falls back: the level, then its message. */
  public static final String LEVEL_FILE = ".tenax-level";
  private static final Pattern LACKS = Pattern.compile("lacks (\\d+) bytes");

  /** Reads the level of the project in {@code dir} whose firmware {@code elf} was just built. */
  public static Msp430CodeLevel read(Path dir, Path elf) throws IOException {
    long used = ElfSymbols.read(elf).find("__fram_used__").map(ElfSymbols.Symbol::address).orElse(-1L);
    LinkOverflow.Region fram = LinkOverflow.regions(dir).get("FRAM");
    long there = fram == null ? -1 : fram.length();
    String environment = System.getenv("CFLAGS");
    if (environment != null) {
      return new Msp430CodeLevel(environment, used, there, 0, false);
    }
    Path file = dir.resolve(LEVEL_FILE);
    // the Makefile ignores a level file older than itself (left by an earlier model): so do we
    if (Files.exists(file) && Files.getLastModifiedTime(file).compareTo(
        Files.getLastModifiedTime(dir.resolve("Makefile"))) > 0) {
      List<String> lines = Files.readAllLines(file);
      Matcher m = LACKS.matcher(lines.size() > 1 ? lines.get(1) : "");
      return new Msp430CodeLevel(lines.isEmpty() ? "" : lines.get(0).strip(), used, there,
          m.find() ? Long.parseLong(m.group(1)) : 0, true);
    }
    return new Msp430CodeLevel("-Os", used, there, 0, true);
  }

  /** One line for the compile summary: the level, and the sizes that decided it. */
  public String summary() {
    String linked = String.format(Locale.ROOT, "%,d of the %,d bytes of FRAM below 64 KB", framUsed, framBytes);
    if (!chosenByLink) {
      return "code compiled with CFLAGS from the environment (" + level + "), not chosen by the link: the firmware "
          + "takes " + linked;
    }
    if (osShortfall > 0) {
      return String.format(Locale.ROOT, "code compiled with %s (smallest code, slower loops): at -Os the firmware "
          + "needs %,d bytes of FRAM below 64 KB, %,d more than there are; at %s it takes %s", level,
          framBytes + osShortfall, osShortfall, level, linked);
    }
    return "code compiled with " + level + ": the firmware takes " + linked;
  }
}
