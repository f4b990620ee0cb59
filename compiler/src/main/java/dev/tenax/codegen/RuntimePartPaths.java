package dev.tenax.codegen;

import dev.tenax.codegen.DspKernelPaths.PathView;
import dev.tenax.lower.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DSP kernels' paths of an intermittent build: its steps' ({@link DspKernelPaths#of}) and those
 * of the halves and quarters it can run a step in when the step keeps failing to finish, which
 * call the kernels with smaller shapes and can take other paths. Every path some call can take is
 * compiled in, so tx_config.h leaves out only paths no call takes (a kernel call then skips the
 * tests for them: velardo-lesson9-mlp's two fully-connected calls some 20 instructions).
 */
final class RuntimePartPaths {
  private final Map<Integer, List<Step>> parts = new TreeMap<>();

  /** Records that a run-time part of step {@code step} is this call. */
  void add(int step, Step part) {
    parts.computeIfAbsent(step, k -> new ArrayList<>()).add(part);
  }

  /**
   * The steps' paths with the parts' paths turned on too (in the steps' build: of their uniform
   * depthwise shift, which suits the parts too, since they keep their step's weights and shifts).
   */
  List<PathView> with(List<PathView> stepPaths) {
    int uniform = value(stepPaths, DspKernelPaths.UNIFORM_SHIFT);
    Map<String, TreeSet<Integer>> users = new TreeMap<>();
    parts.forEach((step, calls) -> {
      for (Step part : calls) {
        for (String m : DspKernelPaths.paths(part, uniform)) {
          users.computeIfAbsent(m, k -> new TreeSet<>()).add(step);
        }
      }
    });
    List<PathView> out = new ArrayList<>();
    for (PathView p : stepPaths) {
      TreeSet<Integer> u = users.get(p.macro());
      if (u == null) {
        out.add(p);
        continue;
      }
      String parts = "parts of step" + (u.size() > 1 ? "s " : " ")
          + String.join(", ", u.stream().map(String::valueOf).toList());
      out.add(new PathView(p.macro(), 1, p.on() == 0 ? parts : p.usedBy() + "; " + parts));
    }
    return withoutUnsuitedGeometry(out);
  }

  /**
   * The paths with the fixed stride-1 geometry dropped when a part does not suit it (a part of a
   * layer's channels, or one taking the per-channel kernels), or only its rows when the parts keep
   * the channels and output row but not the rows (a layer's bands of rows).
   */
  private List<PathView> withoutUnsuitedGeometry(List<PathView> paths) {
    int[] geometry = DspKernelPaths.GEOMETRY.stream().mapToInt(m -> value(paths, m)).toArray();
    if (geometry[0] == 0 || suits(paths, geometry)) {
      return paths;
    }
    int[] anyRows = {geometry[0], geometry[1], 0};
    boolean rowsOnly = suits(paths, anyRows);
    List<PathView> out = new ArrayList<>();
    for (PathView p : paths) {
      if (p.macro().equals(DspKernelPaths.DW3_ROWS) || (!rowsOnly && DspKernelPaths.GEOMETRY.contains(p.macro()))) {
        out.add(new PathView(p.macro(), 0, "not fixed: the run-time parts differ"));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Whether every part suits the fixed geometry {@code geometry} in a build of these paths. */
  private boolean suits(List<PathView> paths, int[] geometry) {
    return value(paths, DspKernelPaths.CHANNEL_SHIFTS) == 0 && parts.values().stream().flatMap(List::stream)
        .allMatch(part -> DspKernelPaths.suitsFixedGeometry(part, geometry));
  }

  private static int value(List<PathView> paths, String macro) {
    return paths.stream().filter(p -> p.macro().equals(macro)).mapToInt(PathView::on).findFirst().orElse(0);
  }
}
