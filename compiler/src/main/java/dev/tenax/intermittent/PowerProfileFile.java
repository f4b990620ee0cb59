package dev.tenax.intermittent;

import dev.tenax.diag.UsageException;
import dev.tenax.target.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A power profile measured on the user's own board ({@code tenax compile --power-profile FILE}):
 * {@code key = value} lines, {@code #} comments, every key optional (a missing one keeps the
 * target's default from {@link PowerModel#of}):
 * <pre>
 * active_ua_per_mhz    = 118    # run-mode current per MHz of core clock, microamps
 * supply_volts         = 2.1    # the voltage that current is drawn at (mid-charge)
 * boot_cycles          = 20000  # reset to the first tile: start-up, progress check
 * commit_cycles        = 2000   # one progress commit
 * mac_cycles           = 45     # cycles per multiply-accumulate of the int8 kernels
 * element_cycles       = 120    # cycles per element of calls without MACs (pools, adds)
 * float_element_cycles = 6000   # cycles per element of float32 calls (dequantize, softmax)
 * quantize_element_cycles = 2000 # cycles per element of the float32-to-int8 quantize
 * </pre>
 * docs/guide/concepts.md says how to measure each number. The four per-work keys are numbers of
 * the user's board for every kernel: a profile that gives any of them costs every call by work
 * (these numbers, the defaults for those it does not give) instead of the target's measured
 * per-kernel table ({@link KernelCycles}), which it would otherwise keep.
 */
public final class PowerProfileFile {
  static final List<String> KEYS = List.of("active_ua_per_mhz", "supply_volts", "boot_cycles", "commit_cycles",
      "mac_cycles", "element_cycles", "float_element_cycles", "quantize_element_cycles");

  /** The keys that replace the measured kernel table by per-work costs. */
  static final List<String> PER_WORK_KEYS = List.of("mac_cycles", "element_cycles", "float_element_cycles",
      "quantize_element_cycles");

  private PowerProfileFile() {}

  /** The target's power model with the file's numbers in place of its defaults. */
  public static PowerModel read(Path file, Target target) throws UsageException {
    return model(values(file), target);
  }

  /** The file's numbers by key (only the keys it gives), checked as {@link #read} checks them. */
  public static Map<String, Double> values(Path file) throws UsageException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read the power profile " + file + ": " + e.getMessage());
    }
    return values(text, file.toString());
  }

  static PowerModel parse(String text, String where, Target target) throws UsageException {
    return model(values(text, where), target);
  }

  private static Map<String, Double> values(String text, String where) throws UsageException {
    Map<String, Double> v = new LinkedHashMap<>();
    int lineNo = 0;
    for (String raw : text.split("\n", -1)) {
      lineNo++;
      String line = raw.replaceFirst("#.*", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq).strip();
      if (eq < 0 || !KEYS.contains(key)) {
        throw new UsageException(where + ":" + lineNo + ": expected 'key = number' with a key of "
            + String.join(", ", KEYS) + ", not '" + line + "'");
      }
      double number;
      try {
        number = Double.parseDouble(line.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        throw new UsageException(where + ":" + lineNo + ": " + key + " needs a number, not '"
            + line.substring(eq + 1).strip() + "'");
      }
      if (!(number > 0) || Double.isInfinite(number)) {
        throw new UsageException(where + ":" + lineNo + ": " + key + " must be a positive number");
      }
      v.put(key, number);
    }
    return v;
  }

  private static PowerModel model(Map<String, Double> v, Target target) {
    PowerModel d = PowerModel.of(target);
    double amps = v.containsKey("active_ua_per_mhz") ? v.get("active_ua_per_mhz") * 1e-12
        : PowerModel.activeAmpsPerHz(target);
    double volts = v.getOrDefault("supply_volts", d.joulesPerCycle() / PowerModel.activeAmpsPerHz(target));
    boolean perWork = PER_WORK_KEYS.stream().anyMatch(v::containsKey);
    return new PowerModel(target.name(), amps * volts, whole(v, "boot_cycles", d.bootCycles()),
        whole(v, "commit_cycles", d.commitCycles()), v.getOrDefault("mac_cycles", d.macCycles()),
        v.getOrDefault("element_cycles", d.elementCycles()),
        v.getOrDefault("float_element_cycles", d.floatElementCycles()),
        v.getOrDefault("quantize_element_cycles", d.quantizeElementCycles()),
        perWork ? KernelCycles.NONE : d.measured());
  }

  private static long whole(Map<String, Double> v, String key, long otherwise) {
    return v.containsKey(key) ? Math.round(v.get(key)) : otherwise;
  }

  /**
   * "0.2478 nJ per cycle, boot 20000 cycles, commit 2000, 80 cycles per MAC" (or "kernels as
   * measured" when the model keeps the target's table): for the compile summary.
   */
  public static String describe(PowerModel m) {
    return String.format(Locale.ROOT, "%.4g nJ per cycle, boot %d cycles, commit %d, %s",
        m.joulesPerCycle() * 1e9, m.bootCycles(), m.commitCycles(), m.measured().rows().isEmpty()
            ? String.format(Locale.ROOT, "%.4g cycles per MAC", m.macCycles()) : "kernels as measured");
  }
}
