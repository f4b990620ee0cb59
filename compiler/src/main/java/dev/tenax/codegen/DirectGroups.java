package dev.tenax.codegen;

import dev.tenax.codegen.ProjectView.GroupView;
import dev.tenax.codegen.ProjectView.StepView;
import dev.tenax.intermittent.TileGroups;
import dev.tenax.target.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tile groups an intermittent build also runs by direct calls. A group that starts whole (no
 * run-time split in force: the common case, and every group on continuous power) runs its calls one
 * after the other; the table-driven dispatcher ({@link CallSites}) finds each call's row and site at
 * run time, some 25 instructions a call on a Cortex-M, a good part of a small model's fixed cost
 * (velardo-lesson9-mlp: six calls of about 1,000 instructions in all). A group's calls made as a
 * continuous build makes them (constant arguments, no lookup) cost only their code: on the MSP430,
 * whose FRAM the MNIST example fills to the last byte with the tables alone, the build keeps the
 * tables only; elsewhere every group gets its direct calls, and the tables still serve the
 * run-time halves and quarters and the call-by-call fallback.
 */
final class DirectGroups {
  private DirectGroups() {}

  /** The groups with their steps' direct calls, or none when the build dispatches every call through the tables. */
  static List<GroupView> of(Target target, List<StepView> steps, TileGroups groups) {
    if (target.family().equals("msp430")) {
      return List.of();
    }
    int[] starts = groups.starts();
    List<GroupView> out = new ArrayList<>();
    for (int g = 0; g + 1 < starts.length; g++) {
      out.add(new GroupView(starts[g], starts[g + 1], steps.subList(starts[g], starts[g + 1])));
    }
    return out;
  }
}
