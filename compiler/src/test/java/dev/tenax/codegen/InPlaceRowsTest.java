package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.lower.Lowering;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.models.ModelSpec;
import dev.tenax.models.SharedModels;
import dev.tenax.ops.OperatorRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How DS-CNN KWS (a chain of 25x5x64 tensors, 8,000 bytes each) runs in place. */
class InPlaceRowsTest {
  private static Program kws;

  @BeforeAll
  static void lower() throws Exception {
    ModelSpec spec = SharedModels.ALL.stream().filter(s -> s.folder().equals("mlperf-tiny-kws-dscnn-int8-qdq"))
        .findFirst().orElseThrow();
    kws = Lowering.lower(HostModelsTest.quantizedOnce(spec), OperatorRegistry.standard());
  }

  @Test
  void theSmallestArenaIsOneTensorAndThreeRowsOfLag() {
    assertEquals(16000, MemoryPlan.of(kws).arena().arenaBytes(), "plain: two 8,000-byte tensors side by side");
    InPlaceRows r = InPlaceRows.of(kws, 0);
    // a 3x3 depthwise tile of two rows (the fewest, InPlaceRows.MIN_ROWS) reads the row above them, so the
    // output trails by three rows of 320 bytes
    assertEquals(8000 + 3 * 320, r.plan().arena().arenaBytes());
    for (int tiles : r.tiled().values()) {
      assertTrue(tiles <= 25 / InPlaceRows.MIN_ROWS, tiles + " tiles of 25 rows");
    }
    assertEquals(List.of(), ArenaSafety.check(r.program(), r.plan()));
    int extra = r.tiled().values().stream().mapToInt(Integer::intValue).sum() - r.tiled().size();
    assertEquals(kws.steps().size() + extra, r.program().steps().size());
  }

  @Test
  void aLargerLimitTakesFewerTiles() {
    InPlaceRows smallest = InPlaceRows.of(kws, 0);
    InPlaceRows relaxed = InPlaceRows.of(kws, 12000);
    assertTrue(relaxed.plan().arena().arenaBytes() <= 12000, relaxed.plan().arena().toString());
    assertTrue(relaxed.program().steps().size() < smallest.program().steps().size(),
        relaxed.program().steps().size() + " calls, the smallest arena takes " + smallest.program().steps().size());
    assertEquals(List.of(), ArenaSafety.check(relaxed.program(), relaxed.plan()));
    InPlaceRows plain = InPlaceRows.of(kws, 16000);
    assertTrue(plain.tiled().isEmpty());
    assertEquals(kws.steps(), plain.program().steps());
  }

  @Test
  void tilesRunInTheWrongOrderAreCaught() {
    InPlaceRows r = InPlaceRows.of(kws, 0);
    // reverse every call's tiles: each in-place call now overwrites rows its later tiles still read
    List<Step> steps = new ArrayList<>();
    List<Step> call = new ArrayList<>();
    for (Step s : r.program().steps()) {
      if (!call.isEmpty() && !call.get(0).node().equals(s.node())) {
        Collections.reverse(call);
        steps.addAll(call);
        call.clear();
      }
      call.add(s);
    }
    Collections.reverse(call);
    steps.addAll(call);
    Program swapped = new Program(kws.name(), kws.buffers(), steps, kws.inputs(), kws.outputs(), kws.floatNodes());
    List<String> problems = ArenaSafety.check(swapped, r.plan());
    assertFalse(problems.isEmpty());
    assertTrue(problems.get(0).contains("reads arena byte"), problems.get(0));
  }
}
