package dev.tenax.cli;

import dev.tenax.hostrun.FirmwareProfile;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text of {@code tenax bench --functions}: per kernel call, the functions its instructions went to. */
final class FunctionReport {
  /** Functions listed per call, at most; the rest are summed as "other". */
  static final int MAX_LISTED = 6;
  /** Functions below this share of a call are summed as "other". */
  static final double MIN_SHARE = 0.01;

  private FunctionReport() {}

  static String text(FirmwareProfile p, List<Map<String, Long>> byFunction) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%ninstructions by function (QEMU's "
        + "execution log; the profiling calls between steps left out):%n%-4s %-26s %14s  %s%n", "step", "kernel",
        "instructions", "functions"));
    for (FirmwareProfile.Layer l : p.layers()) {
      Map<String, Long> fs = byFunction.get(l.index());
      long total = fs.values().stream().mapToLong(Long::longValue).sum();
      StringBuilder list = new StringBuilder();
      long listed = 0;
      int n = 0;
      for (Map.Entry<String, Long> e : fs.entrySet()) {
        if (n == MAX_LISTED || e.getValue() < MIN_SHARE * total) {
          break;
        }
        list.append(n++ == 0 ? "" : ", ").append(share(e.getKey(), e.getValue(), total));
        listed += e.getValue();
      }
      if (listed < total) {
        list.append(n == 0 ? "" : ", ").append(share("other", total - listed, total));
      }
      sb.append(String.format(Locale.ROOT, "%-4d %-26s %14d  %s%n", l.index(), l.kernel(), total, list));
    }
    return sb.toString();
  }

  private static String share(String name, long instructions, long total) {
    return String.format(Locale.ROOT, "%s %d (%.0f%%)", name, instructions, 100.0 * instructions / total);
  }
}
