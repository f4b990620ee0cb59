package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.codegen.ProjectView.GroupView;
import dev.tenax.codegen.ProjectView.StepView;
import dev.tenax.intermittent.TileGroups;
import dev.tenax.target.Targets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which groups an intermittent build runs by direct calls: every group, with its own steps, on a
 * Cortex-M (whose firmware then has the calls twice: directly and in the tables); none on the
 * MSP430, whose FRAM keeps the tables only. The generated code's estimate counts the direct calls.
 */
class DirectGroupsTest {
  private static List<StepView> steps(int n) {
    List<StepView> steps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      steps.add(new StepView(i, "tx_k", "node" + i, 0, 0, List.of(), "tx_k(" + i + ")"));
    }
    return steps;
  }

  @Test
  void cortexMRunsEveryGroupDirectly() {
    List<StepView> steps = steps(6);
    List<GroupView> g = DirectGroups.of(Targets.find("cortex-m4").orElseThrow(), steps, new TileGroups(List.of(2, 1, 3)));
    assertEquals(List.of(0, 2, 3), g.stream().map(GroupView::first).toList());
    assertEquals(List.of(2, 3, 6), g.stream().map(GroupView::end).toList());
    assertEquals(steps.subList(3, 6), g.get(2).steps());
  }

  @Test
  void theMsp430KeepsTheTablesOnly() {
    assertTrue(DirectGroups.of(Targets.find("msp430fr5994").orElseThrow(), steps(3), TileGroups.single(3)).isEmpty());
  }
}
