package dev.tenax.cli;

import dev.tenax.hostrun.Msp430Run;
import dev.tenax.hostrun.Msp430Sections;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.io.JsonParser;
import dev.tenax.ir.Tensor;
import dev.tenax.report.Json;
import dev.tenax.target.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tenax bench} for an MSP430 project: one run under mspdebug sim with a breakpoint on every
 * kernel the model calls, the tracer's MCLK count read at each call (a call's cycles run from its
 * entry to the next call's, the last to tenax_end), the linked FRAM and SRAM (llvm-size) and the
 * stack the inference used (stack painting).
 */
final class Msp430Bench {
  /** One kernel call of memory_map.json and its measured cycles. */
  record Call(int index, String kernel, String node, long macs, long cycles) {}

  /** The measurements of one run. */
  record Report(List<Call> calls, long cycles, long instructions, int stackBytes, Msp430Sections sections) {
    long macs() {
      return calls.stream().mapToLong(Call::macs).sum();
    }
  }

  private Msp430Bench() {}

  static Report run(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds) throws Exception {
    Map<?, ?> map = (Map<?, ?>) JsonParser.parse(Files.readString(m.dir().resolve("memory_map.json"),
        StandardCharsets.UTF_8));
    List<?> steps = (List<?>) map.get("steps");
    if (steps == null || steps.isEmpty()) {
      throw new IOException(m.dir() + "/memory_map.json lists no steps; compile the model again");
    }
    List<String> kernels = new ArrayList<>();
    for (Object s : steps) {
      kernels.add((String) ((Map<?, ?>) s).get("kernel"));
    }
    Msp430Run.Result r = Msp430Run.profile(m, feed, timeoutSeconds, kernels);
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Map<?, ?> s = (Map<?, ?>) steps.get(i);
      calls.add(new Call(i, kernels.get(i), (String) s.get("node"), ((Number) s.get("macs")).longValue(),
          r.stepCycles()[i]));
    }
    Msp430Sections sections = Msp430Sections.read(m.dir().resolve(m.name() + ".elf"));
    return new Report(calls, r.cycles(), r.instructions(), r.stackBytes(), sections);
  }

  static String text(ProjectManifest m, Target t, Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s on %s (%s)%n", m.name(), t.name(), t.description()));
    sb.append(String.format(Locale.ROOT, "%-4s %-26s %12s %14s %10s  %s%n", "step", "kernel", "MACs", "MCLK cycles",
        "cycles/MAC", "node"));
    sb.append(BenchCommand.layerLines(r.calls().stream()
        .map(c -> new dev.tenax.hostrun.FirmwareProfile.Layer(c.index(), c.kernel(), c.node(), c.macs(), c.cycles()))
        .toList(), 10));
    sb.append(String.format(Locale.ROOT, "total: %d MCLK cycles (%d instructions), %d MACs, %.2f cycles per MAC (tenax_begin "
        + "to tenax_end; the calls above sum to %d)%n", r.cycles(), r.instructions(), r.macs(),
        (double) r.cycles() / Math.max(1, r.macs()), r.calls().stream().mapToLong(Call::cycles).sum()));
    sb.append(String.format(Locale.ROOT, "FRAM: %d bytes (code %d); SRAM: %d bytes placed + %d of stack used (from the linked "
        + "ELF and stack painting)%n", r.sections().fram(), r.sections().code(), r.sections().sram(), r.stackBytes()));
    return sb.toString();
  }

  static String json(ProjectManifest m, Target t, Report r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", m.name());
    root.put("target", t.name());
    root.put("mclk_cycles", r.cycles());
    root.put("instructions", r.instructions());
    root.put("macs", r.macs());
    List<Object> layers = new ArrayList<>();
    for (Call c : r.calls()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("step", c.index());
      e.put("kernel", c.kernel());
      e.put("node", c.node());
      e.put("macs", c.macs());
      e.put("mclk_cycles", c.cycles());
      layers.add(e);
    }
    root.put("layers", layers);
    root.put("fram_bytes", r.sections().fram());
    root.put("code_bytes", r.sections().code());
    root.put("sram_placed_bytes", r.sections().sram());
    root.put("stack_used_bytes", r.stackBytes());
    return Json.write(root);
  }
}
