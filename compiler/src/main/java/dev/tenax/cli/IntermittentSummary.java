package dev.tenax.cli;

import dev.tenax.codegen.EmitOptions;
import dev.tenax.codegen.ModelCompiler;
import dev.tenax.intermittent.PowerModel;
import dev.tenax.intermittent.TileGroups;
import dev.tenax.intermittent.Tiling;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.target.Target;
import java.util.Locale;

/**
 * The compile summary's part for --intermittent: per kernel call its tiles, the cycles and energy
 * of one tile by the target's power model, per group of tiles that share a commit its calls,
 * cycles and energy, and the expected cost of the commits.
 */
final class IntermittentSummary {
  private IntermittentSummary() {}

  static String render(ModelCompiler.Result r, EmitOptions o, Target target) {
    Tiling t = r.tiling();
    PowerModel m = o.powerModel();
    StringBuilder sb = new StringBuilder();
    TileGroups groups = r.groups();
    if (r.groupsDropped()) {
      sb.append(String.format(Locale.ROOT, "groups of tiles did not fit %s (a group keeps what it read until its end, "
          + "which grows the arena): %s%n", target.name(), r.groups().allSingle() ? "this build commits after every tile"
              : "this build's groups end where they would grow it"));
    }
    sb.append(String.format(Locale.ROOT, "intermittent: %d tiles in %d group%s, progress committed to NVM after every "
        + "%s (fingerprint %s); tiles sized %s%n", t.program().steps().size(), groups.count(), groups.count() == 1 ? "" : "s",
        groups.allSingle() ? "tile" : "group", r.view().fingerprint(),
        o.capacitor() != null ? "to one charge of " + o.capacitor() + ", " + m.tileCycles(o.capacitor())
            + " cycles of tile work per charge on " + target.name() + " (power model: "
            + (o.power() != null ? "your profile, " + dev.tenax.intermittent.PowerProfileFile.describe(m)
                : "PowerModel's defaults for " + target.name()
                    + (m.measured().rows().isEmpty() ? "" : ", kernels as measured")) + ", " + Math.round(PowerModel.MARGIN * 100) + "% margin)"
            : "by at most " + o.tileWork() + " MACs (elements for calls without MACs) each"));
    sb.append(String.format(Locale.ROOT, "%-4s %-26s %10s %6s %12s %10s  %s%n", "step", "kernel", "work", "tiles",
        "cycles/tile", "uJ/tile", "node"));
    double total = 0;
    int first = 0; // the step's first tile
    for (int i = 0; i < r.untiled().steps().size(); i++) {
      Step s = r.untiled().steps().get(i);
      int n = t.tilesPerStep().get(i);
      double tiles = 0; // the step's tiles' cycles (with the fixed part of each)
      for (int k = 0; k < n; k++) {
        tiles += m.cycles(t.program().steps().get(first + k));
      }
      first += n;
      double cycles = Math.ceil(tiles / n);
      total += tiles;
      sb.append(String.format(Locale.ROOT, "%-4d %-26s %10d %6d %12.0f %10.2f  %s%n", i, s.kernel(), Tiling.work(s),
          n, cycles, cycles * m.joulesPerCycle() * 1e6, s.node()));
    }
    if (!groups.allSingle()) {
      groupTable(sb, t.program(), groups, m);
      long alone = dev.tenax.codegen.MemoryPlan.of(r.program()).arena().arenaBytes();
      long grouped = r.plan().arena().arenaBytes();
      sb.append(String.format(Locale.ROOT, "arena %d bytes with groups, %d with a commit after every tile%s%n", grouped,
          alone, grouped > alone ? " (a group keeps what it read until its end; --commit-every-tile saves the "
              + (grouped - alone) + " bytes)" : ""));
    }
    sb.append(String.format(Locale.ROOT, "estimated: %.0f cycles of work, %d commits of ~%d cycles (+%.1f%% on "
        + "continuous power)%n", total, groups.count(), m.commitCycles(),
        100.0 * groups.count() * m.commitCycles() / Math.max(1, total)));
    return sb.toString();
  }

  /** Per group: its calls (tiles of the program above), their estimated cycles and energy. */
  private static void groupTable(StringBuilder sb, Program tiled, TileGroups groups, PowerModel m) {
    sb.append(String.format(Locale.ROOT, "groups (one commit each; a failure re-runs the group in flight):%n"));
    sb.append(String.format(Locale.ROOT, "%-5s %-9s %6s %12s %10s  %s%n", "group", "tiles", "calls", "cycles",
        "uJ", "nodes"));
    int[] starts = groups.starts();
    for (int g = 0; g < groups.count(); g++) {
      double cycles = 0;
      java.util.LinkedHashSet<String> nodes = new java.util.LinkedHashSet<>();
      for (int i = starts[g]; i < starts[g + 1]; i++) {
        Step s = tiled.steps().get(i);
        cycles += m.cycles(s);
        nodes.add(s.node());
      }
      String range = starts[g + 1] - 1 == starts[g] ? String.valueOf(starts[g]) : starts[g] + "-" + (starts[g + 1] - 1);
      sb.append(String.format(Locale.ROOT, "%-5d %-9s %6d %12.0f %10.2f  %s%n", g, range, starts[g + 1] - starts[g],
          cycles, cycles * m.joulesPerCycle() * 1e6, String.join(", ", nodes)));
    }
  }
}
