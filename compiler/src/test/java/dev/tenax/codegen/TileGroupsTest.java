package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.intermittent.Capacitor;
import dev.tenax.intermittent.Idempotence;
import dev.tenax.intermittent.PowerModel;
import dev.tenax.intermittent.TileGroups;
import dev.tenax.intermittent.Tiling;
import dev.tenax.ir.Graph;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.models.ModelSpec;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.target.Targets;
import dev.tenax.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tile groups (consecutive calls that share one progress commit): packing never exceeds the
 * budget, and under the plan made for them every group of every shared model can run again as a
 * whole after a power failure; a plan that ignores the groups is caught.
 */
class TileGroupsTest {
  static java.util.stream.Stream<ModelSpec> models() {
    return TiledProgramTest.models();
  }

  private static Program lowered(ModelSpec spec) throws Exception {
    Graph g = HostModelsTest.quantized(SharedData.require("models/" + spec.folder() + "/" + spec.file()), spec);
    return Lowering.lower(g, OperatorRegistry.standard());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void groupsStayWithinTheBudgetAndRunAgainAsAWhole(ModelSpec spec) throws Exception {
    Program p = lowered(spec);
    List<Program> tiled = new ArrayList<>();
    for (long work : new long[] {3000, 20000, 200000}) {
      Tiling t = Tiling.split(p, work);
      TileGroups groups = TileGroups.byWork(t.program(), work);
      assertWithinBudget(t.program(), groups, Tiling::work, work);
      assertIdempotent(spec + " in groups of " + work + " MACs", t.program(), groups);
      tiled.add(t.program());
    }
    for (String target : List.of("msp430fr5994", "cortex-m4")) {
      PowerModel m = PowerModel.of(Targets.find(target).orElseThrow());
      for (String cap : List.of("100uF", "1mF")) {
        Capacitor c = Capacitor.parse(cap, "2.4:1.8");
        Tiling t;
        try {
          t = Tiling.forCharge(p, m, c);
        } catch (Tiling.ChargeTooSmall e) {
          continue; // refused at compile time: nothing to group
        }
        TileGroups groups = TileGroups.forCharge(t.program(), m, c);
        assertWithinBudget(t.program(), groups, m::cycles, m.tileCycles(c));
        assertIdempotent(spec + " on " + target + " with " + cap, t.program(), groups);
      }
    }
    // the hardest case: the whole inference one group (a buffer read anywhere lives to the end)
    for (Program t : tiled) {
      assertIdempotent(spec + " in one group", t, new TileGroups(List.of(t.steps().size())));
    }
  }

  /** Every group fits the budget, unless it is one call that does alone; no two neighbours would fit together. */
  private static void assertWithinBudget(Program tiled, TileGroups groups, ToDoubleFunction<Step> cost, double budget) {
    assertEquals(tiled.steps().size(), groups.calls());
    int[] starts = groups.starts();
    double previous = Double.NaN;
    for (int g = 0; g < groups.count(); g++) {
      double sum = 0;
      for (int i = starts[g]; i < starts[g + 1]; i++) {
        sum += cost.applyAsDouble(tiled.steps().get(i));
      }
      assertTrue(sum <= budget || groups.sizes().get(g) == 1, "group " + g + " costs " + sum + " > " + budget);
      // greedy: the group before could not have taken this group's first call
      if (g > 0) {
        assertTrue(previous + cost.applyAsDouble(tiled.steps().get(starts[g])) > budget, "group " + g + " starts early");
      }
      previous = sum;
    }
  }

  private static void assertIdempotent(String what, Program tiled, TileGroups groups) {
    MemoryPlan plan = MemoryPlan.of(tiled, groups);
    assertEquals(List.of(), Idempotence.check(tiled, plan), what);
    assertEquals(List.of(), Idempotence.checkGroups(tiled, plan, groups), what);
  }

  /**
   * A call-by-call plan reuses, for a later call's output, the buffer an earlier call read (ping-pong
   * between layers): a group of both could not run again. Pairs of calls at both parities cross
   * such layer boundaries.
   */
  @Test
  void aPlanThatIgnoresTheGroupsIsCaught() throws Exception {
    ModelSpec spec = models().filter(s -> s.folder().equals("burn-mnist-cnn")).findFirst().orElseThrow();
    Program tiled = Tiling.split(lowered(spec), 20000).program();
    int n = tiled.steps().size();
    int caught = 0;
    for (int first : new int[] {1, 2}) {
      List<Integer> sizes = new ArrayList<>(List.of(first));
      while (sizes.stream().mapToInt(Integer::intValue).sum() < n) {
        sizes.add(Math.min(2, n - sizes.stream().mapToInt(Integer::intValue).sum()));
      }
      TileGroups pairs = new TileGroups(sizes);
      caught += Idempotence.checkGroups(tiled, MemoryPlan.of(tiled), pairs).size();
      assertEquals(List.of(), Idempotence.checkGroups(tiled, MemoryPlan.of(tiled, pairs), pairs));
    }
    assertTrue(caught > 0, "a call-by-call plan was not caught");
    // the same plan is fine when every call commits, and for one group of everything (it reads only the inputs)
    assertEquals(List.of(), Idempotence.checkGroups(tiled, MemoryPlan.of(tiled), TileGroups.single(n)));
    assertEquals(List.of(), Idempotence.checkGroups(tiled, MemoryPlan.of(tiled), new TileGroups(List.of(n))));
  }

  /**
   * ResNet-8 at 1 mF on cortex-m4: groups by work keep its residual branches alive and grow the
   * arena; cut within memory, the groups never cross a cut of the work groups, the arena is that of
   * a commit after every tile, some calls still share commits, and every group can run again.
   */
  @Test
  void groupsWithinMemoryCostNoArenaAndKeepTheWorkCuts() throws Exception {
    ModelSpec spec = models().filter(s -> s.folder().equals("mlperf-tiny-ic-resnet8-int8-qdq")).findFirst().orElseThrow();
    PowerModel m = PowerModel.of(Targets.find("cortex-m4").orElseThrow());
    Capacitor c = Capacitor.parse("1mF", "2.4:1.8");
    Program tiled = Tiling.forCharge(lowered(spec), m, c).program();
    TileGroups byWork = TileGroups.forCharge(tiled, m, c);
    java.util.function.ToLongFunction<TileGroups> arena = g -> MemoryPlan.of(tiled, g).arena().arenaBytes();
    long alone = arena.applyAsLong(TileGroups.single(tiled.steps().size()));
    assertTrue(arena.applyAsLong(byWork) > alone, "the work groups should grow this model's arena");

    TileGroups within = byWork.within(tiled, arena);
    assertEquals(alone, arena.applyAsLong(within));
    assertTrue(within.count() < tiled.steps().size(), within.count() + " groups of " + tiled.steps().size() + " calls");
    assertTrue(within.count() >= byWork.count());
    int[] ofWork = byWork.groupOfCall();
    int[] ofWithin = within.groupOfCall();
    for (int i = 1; i < ofWork.length; i++) {
      if (ofWork[i] != ofWork[i - 1]) {
        assertTrue(ofWithin[i] != ofWithin[i - 1], "call " + i + " starts a work group but not a memory one");
      }
    }
    assertIdempotent(spec + " within memory", tiled, within);
  }

  @Test
  void packingIsGreedyAndKeepsAnOversizedCallAlone() throws Exception {
    ModelSpec spec = models().filter(s -> s.folder().equals("deepc-mnist-mlp")).findFirst().orElseThrow();
    Program p = lowered(spec);
    TileGroups one = TileGroups.byWork(p, Long.MAX_VALUE);
    assertEquals(List.of(p.steps().size()), one.sizes());
    TileGroups tiny = TileGroups.byWork(p, 1);
    assertTrue(tiny.allSingle());
    assertEquals(p.steps().size(), tiny.count());
    assertTrue(tiny.endsGroup(0));
    assertThrows(IllegalArgumentException.class, () -> MemoryPlan.of(p, new TileGroups(List.of(1))));
    assertThrows(IllegalArgumentException.class, () -> new TileGroups(List.of(2, 0)));
  }
}
