package dev.tenax.hostrun;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each kernel call's instructions go, function by function: read from QEMU's execution
 * log of a profiling firmware ({@code -d in_asm,exec,nochain}: every translated block with its
 * instructions, then one line per executed block), each block charged to the function of the
 * ELF's symbol table that holds its first instruction. Step k is what runs from the model's
 * invoke function (k = 0) or from the return of the k-th {@code <model>_profile_step} call up to
 * the next one; the profiling calls themselves are left out, so a step's total is a little below
 * the SysTick figure of {@link FirmwareProfile}, which includes the call and the timer read.
 */
public final class FunctionProfile {
  private static final Pattern TRACE = Pattern.compile("^Trace \\d+: (0x[0-9a-f]+) \\[[0-9a-f]+/([0-9a-f]+)/");

  private FunctionProfile() {}

  /**
   * Per step, instructions by function (most first). {@code steps}: how many kernel calls the
   * model makes; {@code model}: its C name (the prefix of {@code _invoke} and {@code _profile_step}).
   */
  public static List<Map<String, Long>> read(Path log, ElfSymbols symbols, String model, int steps)
      throws IOException {
    String invoke = model + "_invoke";
    String marker = model + "_profile_step";
    List<Map<String, Long>> out = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      out.add(new HashMap<>());
    }
    Map<String, Integer> blockSizes = new HashMap<>();
    int translating = -1; // instructions of the block listed last, -1 once a trace line took them
    boolean listing = false;
    int step = -1;        // -1 before the invoke function runs
    boolean inMarker = false;
    try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("IN:")) {
          translating = 0;
          listing = true;
        } else if (listing && line.startsWith("0x")) {
          translating++;
        } else if (line.startsWith("Trace ")) {
          listing = false;
          Matcher m = TRACE.matcher(line);
          if (!m.find()) {
            continue;
          }
          if (translating >= 0) {
            blockSizes.put(m.group(1), translating); // the listing just before names this block
            translating = -1;
          }
          int n = blockSizes.getOrDefault(m.group(1), 1);
          String fn = symbols.functionAt(Long.parseLong(m.group(2), 16));
          boolean profiling = fn.equals(marker) || fn.equals("tx_ticks_read");
          if (step < 0 && fn.equals(invoke)) {
            step = 0;
          }
          if (profiling && !inMarker && fn.equals(marker) && step >= 0) {
            step++;
          }
          inMarker = profiling;
          if (step >= steps) {
            break;
          }
          if (step >= 0 && !profiling) {
            out.get(step).merge(fn, (long) n, Long::sum);
          }
        } else {
          listing = false;
        }
      }
    }
    if (step < steps) {
      throw new IOException("the execution log " + log + " shows " + Math.max(step, 0) + " of the model's "
          + steps + " steps: did the firmware run to the end?");
    }
    List<Map<String, Long>> sorted = new ArrayList<>();
    for (Map<String, Long> s : out) {
      Map<String, Long> m = new LinkedHashMap<>();
      s.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> m.put(e.getKey(), e.getValue()));
      sorted.add(m);
    }
    return sorted;
  }
}
