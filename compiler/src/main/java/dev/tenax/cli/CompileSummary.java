package dev.tenax.cli;

import dev.tenax.codegen.ModelCompiler;
import dev.tenax.codegen.ProjectView;
import dev.tenax.lower.Step;
import java.util.Locale;

/** The compile summary: per kernel call and in total, what the generated code costs. */
final class CompileSummary {
  private CompileSummary() {}

  static String render(ModelCompiler.Result r, double seconds) {
    ProjectView v = r.view();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-4s %-26s %12s %10s  %s%n", "step", "kernel", "MACs",
        "weights", "node"));
    int i = 0;
    for (Step s : r.program().steps()) {
      sb.append(String.format(Locale.ROOT, "%-4d %-26s %12d %10d  %s%n", i++, s.kernel(), s.macs(),
          s.constantBytes(), s.node()));
    }
    sb.append(String.format(Locale.ROOT, "kernel calls %d, MACs %d%n", v.steps().size(), v.macs()));
    sb.append(String.format(Locale.ROOT, "arena %d bytes (lower bound %d bytes%s)%n", v.arenaBytes(),
        v.lowerBound(), v.arenaBytes() == v.lowerBound() ? ", reached"
            : ", " + r.plan().arena().strategy() + " placement"));
    if (!v.arenaPlace().isEmpty()) {
      sb.append("arena in ").append(v.arenaPlace()).append(": ").append(v.arenaNote()).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "constant data %d bytes%n", v.weightBytes()));
    if (v.codeOptimization().equals(dev.tenax.target.Msp430Fit.SMALL)) {
      sb.append("code compiled with -Oz (smallest, slower loops): by the fit check's estimate, which errs on the large "
          + "side, -Os would not fit the FRAM below 64 KB; 'make clean all CFLAGS=-Os' in the project tries it, and the "
          + "linker says whether it fits\n");
    }
    if (v.floatNodes().isEmpty()) {
      sb.append("every node runs on integer kernels\n");
    } else {
      sb.append("float32 fallback for ").append(v.floatNodes().size()).append(" node(s): ")
          .append(String.join(", ", v.floatNodes())).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "compiled in %.2f s", seconds));
    return sb.toString();
  }
}
