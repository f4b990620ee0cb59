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
    if (!r.inPlace().isEmpty()) {
      int tiles = r.inPlace().values().stream().mapToInt(Integer::intValue).sum();
      sb.append(String.format(Locale.ROOT, "in place: %d call(s) run as %d row tiles that write over the input rows "
          + "they no longer need (%d more kernel calls; the arena would take %d bytes without: --in-place=off)%n",
          r.inPlace().size(), tiles, tiles - r.inPlace().size(),
          r.inPlaceSearch().plain().arena().arenaBytes()));
    } else if (r.tiling() == null) {
      var smallest = r.inPlaceSearch().smallest();
      if (!smallest.tiled().isEmpty()) {
        sb.append(String.format(Locale.ROOT, "in place: --in-place=smallest would make the arena %d bytes (%d more "
            + "kernel calls)%n", smallest.plan().arena().arenaBytes(),
            smallest.program().steps().size() - r.untiled().steps().size()));
      }
    }
    if (!v.arenaPlace().isEmpty()) {
      sb.append("arena in ").append(v.arenaPlace()).append(": ").append(v.arenaNote()).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "constant data %d bytes%n", v.weightBytes()));
    io(sb, "input", v.inputs());
    io(sb, "output", v.outputs());
    if (v.floatNodes().isEmpty()) {
      sb.append("every node runs on integer kernels\n");
    } else {
      sb.append("float32 fallback for ").append(v.floatNodes().size()).append(" node(s): ")
          .append(String.join(", ", v.floatNodes())).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "compiled in %.2f s", seconds));
    return sb.toString();
  }

  /** "input 'x': int8[1,490] (scale 0.5, zero point -3)", one line each. */
  private static void io(StringBuilder sb, String what, java.util.List<ProjectView.IoView> list) {
    for (ProjectView.IoView x : list) {
      sb.append(what).append(" '").append(x.name()).append("': ").append(x.dtype()).append(x.shape().replace(" ", ""));
      if (x.quantized()) {
        sb.append(" (scale ").append(x.scaleDecimal()).append(", zero point ").append(x.zeroPoint()).append(')');
      }
      if (!x.layout().isEmpty()) {
        sb.append(" (").append(x.layout()).append(')');
      }
      sb.append('\n');
    }
  }

  /**
   * The MSP430 level line of a project generated without building it: make decides, by linking;
   * the estimate's forecast tells what to expect.
   */
  static String msp430LevelForecast(ProjectView v) {
    return "code level: make links at -Os and, while that overflows the FRAM below 64 KB, falls back to -Oz "
        + "(assembly loops kept), then to -Oz -DTX_SMALL_CODE (smallest code, slower loops); the fit check's estimate, which errs on the large side, expects "
        + v.codeOptimization();
  }
}
