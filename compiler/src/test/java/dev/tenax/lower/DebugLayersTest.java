package dev.tenax.lower;

import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DebugLayersTest {
  @Test
  void debug() throws Exception {
    Path model = SharedData.require("models/mlperf-tiny-ic-resnet8-int8-qdq/resnet.onnx");
    Graph g = Pipeline.standard().run(ModelImporter.load(model, ImportOptions.defaults()));
    Program p = QdqModelsTest.lower(model);
    Program.Io in = p.inputs().get(0);
    Random r = new Random(1);
    float[] x = new float[in.type().size()];
    for (int i = 0; i < x.length; i++) x[i] = (float) Math.rint(r.nextDouble() * 255);
    Map<String, Tensor> feed = Map.of(in.name(), Tensor.ofFloats(in.type().shape(), x));
    Map<String, Tensor> ref = new HashMap<>();
    new ReferenceEvaluator().run(g, feed, ref::put);
    Memory m = new Memory();
    ProgramInterpreter.run(p, feed, m);
    for (Step s : p.steps()) {
      View w = s.write();
      System.out.println(s.kernel() + " " + s.node() + " -> " + w);
    }
    for (var node : g.nodes()) {
      if (!node.opType().equals("QuantizeLinear")) continue;
      Tensor t = ref.get(node.output(0));
      // find buffer written by the step for the producer
      for (Step s : p.steps()) {
        if (s.write().buffer().dtype() != dev.tenax.ir.DType.INT8) continue;
        byte[] b = m.bytes(s.write());
        if (b.length != t.size()) continue;
        if (g.producer(node.input(0)).isEmpty()) continue; String prod = g.producer(node.input(0)).get().name();
        if (!s.node().equals(prod)) continue;
        int maxd = 0, cnt = 0;
        View v = s.write();
        int[] ph = v.shape(); int[] perm = v.perm(); int[] lg = v.logicalShape();
        int[] idx = new int[ph.length];
        for (int i = 0; i < b.length; i++) {
          int rem = i; for (int k = ph.length - 1; k >= 0; k--) { idx[k] = rem % ph[k]; rem /= ph[k]; }
          int[] li = new int[ph.length]; for (int k = 0; k < ph.length; k++) li[perm[k]] = idx[k];
          int flat = 0; for (int k = 0; k < lg.length; k++) flat = flat * lg[k] + li[k];
          int d = Math.abs(b[i] - (int) t.getLong(flat)); maxd = Math.max(maxd, d); if (d > 0) cnt++; }
        System.out.println(node.output(0) + " maxdiff " + maxd + " count " + cnt + "/" + b.length);
      }
    }
  }
}
