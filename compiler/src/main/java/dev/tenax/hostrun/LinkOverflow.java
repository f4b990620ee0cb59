package dev.tenax.hostrun;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A firmware link that failed because a memory region overflowed, told as TX090 with the numbers
 * (region, bytes needed, bytes it has, the largest sections in it) instead of the linker's text.
 * The fit check before the build budgets code; this is what the real link says when the budget
 * was not enough. ld.lld writes "section '.x' will not fit in region 'FRAM': overflowed by N
 * bytes" for each section past the end (the last N is the total); GNU ld writes "region `FLASH'
 * overflowed by N bytes".
 */
public final class LinkOverflow {
  private static final Pattern LLD = Pattern.compile("will not fit in region '([^']+)': overflowed by (\\d+) bytes");
  private static final Pattern GNU = Pattern.compile("region `([^']+)' overflowed by (\\d+) bytes");
  private static final Pattern MEMORY = Pattern.compile(
      "^\\s*(\\w+)\\s*\\([^)]*\\)\\s*:\\s*ORIGIN\\s*=\\s*(\\w+)\\s*,\\s*LENGTH\\s*=\\s*(\\w+)", Pattern.MULTILINE);
  /** An output section in an ld.lld map: VMA, LMA, size, alignment, name. */
  private static final Pattern LLD_SECTION = Pattern.compile(
      "^\\s*([0-9a-f]+)\\s+[0-9a-f]+\\s+([0-9a-f]+)\\s+\\d+\\s+(\\.[\\w.]+)\\s*$", Pattern.MULTILINE);
  /** An output section in a GNU ld map: name, address, size (on one line). */
  private static final Pattern GNU_SECTION = Pattern.compile(
      "^(\\.[\\w.]+)\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)\\s*$", Pattern.MULTILINE);

  private LinkOverflow() {}

  /** A memory region of the board's linker script. */
  record Region(String name, long origin, long length) {}

  /** TX090 for the largest overflowed region in {@code makeOutput}, or empty when no region overflowed. */
  public static Optional<Diagnostic> diagnose(String makeOutput, Path projectDir) {
    Map<String, Long> overflow = new LinkedHashMap<>();
    for (Pattern p : List.of(LLD, GNU)) {
      Matcher m = p.matcher(makeOutput);
      while (m.find()) {
        overflow.merge(m.group(1), Long.parseLong(m.group(2)), Math::max);
      }
    }
    if (overflow.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Region> regions = regions(projectDir);
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Long> e : overflow.entrySet()) {
      Region r = regions.get(e.getKey());
      long over = e.getValue();
      if (r == null) {
        parts.add(String.format(Locale.ROOT, "region %s overflowed by %,d bytes", e.getKey(), over));
        continue;
      }
      String largest = largestSections(projectDir, r, regions.values());
      parts.add(String.format(Locale.ROOT, "needs %,d bytes of %s; the board's linker script gives it %,d "
          + "(%,d bytes too many)%s", r.length() + over, r.name(), r.length(), over,
          largest.isEmpty() ? "" : "; the largest sections there: " + largest));
    }
    // the MSP430 Makefile's lines when a level overflowed and it linked again at the next (Msp430CodeLevel)
    List<String> fallbacks = makeOutput.lines().filter(l -> l.startsWith("tenax: at -O")).toList();
    List<String> details = makeOutput.lines()
        .filter(l -> l.contains("overflowed by") || l.contains("will not fit")).limit(8).toList();
    String message = "the firmware does not link" + (fallbacks.isEmpty() ? "" : " at its smallest code level ("
        + fallbacks.get(fallbacks.size() - 1).replaceFirst(".*so it is built at (.*?);.*", "$1") + ") either")
        + ": it " + String.join("; it ", parts) + ". " + mapNote(projectDir)
        + fallbacks.stream().map(f -> "\n  " + f).collect(java.util.stream.Collectors.joining())
        + "\n  details (linker):\n    " + String.join("\n    ", details);
    return Optional.of(Diagnostic.of(Code.TX090, message, "use a smaller model (fewer or narrower layers), a "
        + "larger capacitor (an intermittent build's tiles and run-time parts take code and tables), "
        + "or a target with more memory"));
  }

  private static String mapNote(Path projectDir) {
    return "The memory map (*.map in " + projectDir + ") has the size of every function and table.";
  }

  /**
   * {@code d} about a build in {@code staged}, a directory that is deleted because the firmware
   * did not link (tenax compile builds before it writes the project): the map is not kept.
   */
  public static Diagnostic notKept(Diagnostic d, Path staged) {
    return Diagnostic.of(d.code(), d.message().replace(mapNote(staged), "Nothing was written; 'tenax compile "
        + "--no-build' writes the project, and its make writes the memory map (*.map) with the size of every "
        + "function and table."), d.hint());
  }

  /** The MEMORY regions of the project's linker scripts (board/*.ld). */
  static Map<String, Region> regions(Path projectDir) {
    Map<String, Region> out = new LinkedHashMap<>();
    Path board = projectDir.resolve("board");
    if (!Files.isDirectory(board)) {
      return out;
    }
    try (Stream<Path> files = Files.list(board)) {
      for (Path ld : files.filter(f -> f.toString().endsWith(".ld")).sorted().toList()) {
        Matcher m = MEMORY.matcher(Files.readString(ld));
        while (m.find()) {
          out.putIfAbsent(m.group(1), new Region(m.group(1), number(m.group(2)), number(m.group(3))));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return out; // the diagnostic then gives the overflow only
    }
    return out;
  }

  /** A linker-script number: 0x hex, decimal, with an optional K or M suffix. */
  static long number(String s) {
    String t = s.toUpperCase(Locale.ROOT);
    long scale = t.endsWith("K") ? 1024 : t.endsWith("M") ? 1024 * 1024 : 1;
    String digits = scale == 1 ? t : t.substring(0, t.length() - 1);
    return (digits.startsWith("0X") ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits)) * scale;
  }

  /** "'.text' 31,422, '.tenax_weights' 15,264": the output sections the map places from the region's origin on. */
  private static String largestSections(Path projectDir, Region region, java.util.Collection<Region> all) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(projectDir)) {
      for (Path map : files.filter(f -> f.toString().endsWith(".map")).toList()) {
        String text = Files.readString(map);
        for (Pattern p : List.of(LLD_SECTION, GNU_SECTION)) {
          Matcher m = p.matcher(text);
          while (m.find()) {
            boolean lld = p == LLD_SECTION;
            long vma = Long.parseLong(lld ? m.group(1) : m.group(2), 16);
            long size = Long.parseLong(lld ? m.group(2) : m.group(3), 16);
            String name = lld ? m.group(3) : m.group(1);
            if (size > 0 && inside(vma, region) && all.stream().noneMatch(o -> o != region && inside(vma, o))) {
              sizes.merge(name, size, Long::sum);
            }
          }
        }
      }
    } catch (IOException e) {
      return "";
    }
    return String.join(", ", sizes.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue())).toList());
  }

  private static boolean inside(long address, Region r) {
    return address >= r.origin() && address < r.origin() + r.length();
  }
}
