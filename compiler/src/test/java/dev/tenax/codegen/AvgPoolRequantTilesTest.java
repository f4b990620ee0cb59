package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.intermittent.Idempotence;
import dev.tenax.intermittent.Tiling;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.testing.OnnxModelBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Requantizing average pools split into row bands (as an intermittent build does) give the
 * whole call's bits, and no band reads what another writes.
 */
class AvgPoolRequantTilesTest {
  @Test
  void rowBandsGiveTheWholeCallsBits() throws Exception {
    Random r = new Random(67);
    for (int round = 0; round < 20; round++) {
      OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
      AvgPoolRequantRunTest.branch(b, r, 1, 1); // strided windows
      Graph g = dev.tenax.passes.Pipeline.standard().run(new dev.tenax.frontend.ModelImporter(
          dev.tenax.ops.OperatorRegistry.standard(), dev.tenax.frontend.ImportOptions.defaults()).importModel(b.build()));
      Program p = Lowering.lower(g, dev.tenax.ops.OperatorRegistry.standard());
      Tiling t = Tiling.split(p, 1);
      List<String> kernels = t.program().steps().stream().map(s -> s.kernel()).toList();
      long pools = kernels.stream().filter(k -> k.equals("tx_avg_pool_requant_s8")).count();
      int rows = p.outputs().get(0).type().shape()[2];
      assertEquals(rows, pools, "one band per output row: " + kernels);
      assertEquals(List.of(), Idempotence.check(t.program(), MemoryPlan.of(t.program())));
      Map<String, Tensor> feed = new HashMap<>(RandomLayersTest.feed(p, Map.of("x1", new float[] {-4, 4}), r));
      Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
      Map<String, Tensor> got = ProgramInterpreter.run(t.program(), feed);
      for (String out : want.keySet()) {
        assertArrayEquals(HostModelsTest.bits(want.get(out)), HostModelsTest.bits(got.get(out)), "round " + round);
      }
    }
  }
}
