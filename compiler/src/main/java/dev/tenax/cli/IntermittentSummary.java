package dev.tenax.cli;

import dev.tenax.codegen.EmitOptions;
import dev.tenax.codegen.ModelCompiler;
import dev.tenax.intermittent.PowerModel;
import dev.tenax.intermittent.Tiling;
import dev.tenax.lower.Step;
import dev.tenax.target.Target;
import java.util.Locale;

/**
 * The compile summary's part for --intermittent: per kernel call its tiles, the cycles and energy
 * of one tile by the target's power model, and the expected cost of the commits.
 */
final class IntermittentSummary {
  private IntermittentSummary() {}

  static String render(ModelCompiler.Result r, EmitOptions o, Target target) {
    Tiling t = r.tiling();
    PowerModel m = o.powerModel();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "intermittent: %d tiles, progress committed to NVM after every tile "
        + "(fingerprint %s); tiles sized %s%n", t.program().steps().size(), r.view().fingerprint(),
        o.capacitor() != null ? "to one charge of " + o.capacitor() + ", " + m.tileCycles(o.capacitor())
            + " cycles of tile work per charge on " + target.name() + " (power model: "
            + (o.power() != null ? "your profile, " + dev.tenax.intermittent.PowerProfileFile.describe(m)
                : "PowerModel's defaults for " + target.name()) + ", " + Math.round(PowerModel.MARGIN * 100) + "% margin)"
            : "by at most " + o.tileWork() + " MACs (elements for calls without MACs) each"));
    sb.append(String.format(Locale.ROOT, "%-4s %-26s %10s %6s %12s %10s  %s%n", "step", "kernel", "work", "tiles",
        "cycles/tile", "uJ/tile", "node"));
    double total = 0;
    long tiles = 0;
    for (int i = 0; i < r.untiled().steps().size(); i++) {
      Step s = r.untiled().steps().get(i);
      int n = t.tilesPerStep().get(i);
      double cycles = Math.ceil(Tiling.work(s) * m.cyclesPerWork(s) / n);
      total += cycles * n;
      tiles += n;
      sb.append(String.format(Locale.ROOT, "%-4d %-26s %10d %6d %12.0f %10.2f  %s%n", i, s.kernel(), Tiling.work(s),
          n, cycles, cycles * m.joulesPerCycle() * 1e6, s.node()));
    }
    sb.append(String.format(Locale.ROOT, "estimated: %.0f cycles of work, %d commits of ~%d cycles (+%.1f%% on "
        + "continuous power)%n", total, tiles, m.commitCycles(), 100.0 * tiles * m.commitCycles() / Math.max(1, total)));
    return sb.toString();
  }
}
