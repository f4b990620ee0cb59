package dev.tenax.intermittent;

import dev.tenax.lower.Step;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Measured cycles of a target's kernels: per kernel, {@code call + perElement * elements written +
 * perMac * MACs}, the cheapest such line above every call of the shared models measured by
 * {@code tenax bench} (scripts/measure-msp430-kernel-cycles.sh and, per Cortex-M core,
 * scripts/measure-cortex-m-kernel-cycles.sh fit it and write the table;
 * KernelCyclesBoundTest checks that it still bounds the kernels as they are). A line fitted to
 * whole calls also bounds their tiles, whose fixed part is the same and variable part smaller.
 *
 * @param rows the fitted lines by kernel name, in the simulator's cycles
 * @param scale what the table's cycles are multiplied by on the part (MSP430: 2, for the FRAM
 *     wait states at 16 MHz that mspdebug's simulator does not count)
 */
public record KernelCycles(Map<String, Line> rows, double scale) {
  /** One kernel's fitted line. */
  public record Line(double call, double perElement, double perMac) {
    public double cycles(long elements, long macs) {
      return call + perElement * elements + perMac * macs;
    }
  }

  /** No measured kernels: every call is costed by the power model's per-work defaults. */
  public static final KernelCycles NONE = new KernelCycles(Map.of(), 1);

  public KernelCycles {
    rows = Map.copyOf(rows);
  }

  /** Whether the table has a line for this call's kernel. */
  public boolean covers(Step s) {
    return rows.containsKey(s.kernel());
  }

  /** The call's estimated cycles on the part; only for calls it {@link #covers}. */
  public double cycles(Step s) {
    return Math.ceil(rows.get(s.kernel()).cycles(s.write().elements(), s.macs()) * scale);
  }

  /** The call's fixed part, {@code call}, on the part; only for calls it {@link #covers}. */
  public double fixedCycles(Step s) {
    return Math.ceil(rows.get(s.kernel()).call() * scale);
  }

  /** The table of a resource written by the measuring script ({@code kernel = call perElement perMac}). */
  static KernelCycles load(String resource, double scale) {
    Properties p = dev.tenax.target.MeasuredTable.load(KernelCycles.class, resource);
    Map<String, Line> rows = new TreeMap<>();
    for (String kernel : p.stringPropertyNames()) {
      String[] v = p.getProperty(kernel).trim().split("\\s+");
      rows.put(kernel, new Line(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2])));
    }
    return new KernelCycles(rows, scale);
  }
}
