package dev.tenax.cli;

import dev.tenax.codegen.ModelCompiler;
import dev.tenax.intermittent.Tiling;
import dev.tenax.lower.Step;
import java.util.Locale;

/** The compile summary's part for --intermittent: how each kernel call was tiled. */
final class IntermittentSummary {
  private IntermittentSummary() {}

  static String render(ModelCompiler.Result r, long tileWork) {
    Tiling t = r.tiling();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "intermittent: %d tiles of at most %d MACs each (elements written for "
        + "calls without MACs), progress committed to NVM after every tile (fingerprint %s)%n",
        t.program().steps().size(), tileWork, r.view().fingerprint()));
    sb.append(String.format(Locale.ROOT, "%-4s %-26s %10s %6s %12s  %s%n", "step", "kernel", "work", "tiles",
        "work/tile", "node"));
    for (int i = 0; i < r.untiled().steps().size(); i++) {
      Step s = r.untiled().steps().get(i);
      int n = t.tilesPerStep().get(i);
      long work = Tiling.work(s);
      sb.append(String.format(Locale.ROOT, "%-4d %-26s %10d %6d %12d  %s%n", i, s.kernel(), work, n,
          (work + n - 1) / n, s.node()));
    }
    // TODO(issue 6): tile energy, commits and expected overhead from a capacitor and power model.
    sb.append("note: tiles are sized by work, not yet by energy; a call split down to single output rows may still "
        + "exceed the bound (check with tenax run --power-failures)\n");
    return sb.toString();
  }
}
