package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.intermittent.TileGroups;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.testing.OnnxModelBuilder;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A group of tiles keeps what it read until its end, so grouping can grow the arena past a
 * target's NVM. Then the compiler cuts the groups where they would grow the arena (no more memory
 * than a commit after every tile) and says so, rather than refusing a model the plain intermittent
 * build fits: here a chain of 48-channel convolutions in groups of two or three on the micro:bit,
 * whose NVM region is 2 KB. A group's first call reads what the previous group wrote, which must
 * then outlive the group, so the arena holds three activations instead of two.
 */
class GroupFallbackTest {
  static final int LAYERS = 8;
  /** Two or three convolutions a group: a group then reads a buffer written before it. */
  static final long TWO_CONVS = 700_000;

  @Test
  void groupsThatDoNotFitGiveWayToACommitAfterEveryTile() throws Exception {
    Graph g = chain();
    ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("m", "cortex-m0", null, "test", "m.onnx", "0",
        TWO_CONVS));
    assertTrue(r.groupsDropped(), "the grouped build should not have fit the micro:bit's 2 KB of NVM");
    TileGroups byWork = TileGroups.byWork(r.program(), TWO_CONVS);
    long grouped = MemoryPlan.of(r.program(), byWork).arena().arenaBytes();
    long everyTile = MemoryPlan.of(r.program()).arena().arenaBytes();
    assertTrue(grouped > 2048 - 256 && everyTile < grouped, grouped + " vs " + everyTile + " bytes of arena");
    assertEquals(everyTile, r.plan().arena().arenaBytes(), "groups cut within memory cost no arena");
    assertFalse(r.groups().allSingle(), "tiles of one convolution can still share a commit");
    assertEquals(byWork.within(r.program(), x -> MemoryPlan.of(r.program(), x).arena().arenaBytes()), r.groups());

    ModelCompiler.Result m4 = ModelCompiler.compile(g, new EmitOptions("m", "cortex-m4", null, "test", "m.onnx", "0",
        TWO_CONVS));
    assertFalse(m4.groupsDropped(), "16 MB of NVM holds the groups");
    assertTrue(m4.groups().count() < m4.program().steps().size() - 2, m4.groups().count() + " groups");
  }

  /** x [1,1,4,4] -> conv 1->48 -> LAYERS-2 convs 48->48 -> conv 48->1, all 3x3 with padding 1. */
  static Graph chain() throws Exception {
    Random r = new Random(5);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13).input("x", DType.FLOAT32, 1, 1, 4, 4)
        .output("y", DType.FLOAT32, 1, 1, 4, 4);
    String in = "x";
    for (int i = 0; i < LAYERS; i++) {
      int cin = i == 0 ? 1 : 48;
      int cout = i == LAYERS - 1 ? 1 : 48;
      b.initializer("w" + i, KernelCoverageTest.random(r, 0.3f, cout, cin, 3, 3))
          .initializer("b" + i, KernelCoverageTest.random(r, 0.1f, cout));
      String out = i == LAYERS - 1 ? "y" : "c" + i;
      b.node("Conv", List.of(in, "w" + i, "b" + i), List.of(out), Map.of("pads", Attribute.ofInts(1, 1, 1, 1)));
      in = out;
    }
    return KernelCoverageTest.quantize(b, new int[] {1, 1, 4, 4});
  }
}
