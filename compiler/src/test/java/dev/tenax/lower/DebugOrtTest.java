package dev.tenax.lower;

import dev.tenax.ir.Tensor;
import dev.tenax.oracle.OnnxRuntimeOracle;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DebugOrtTest {
  @Test
  void debug() throws Exception {
    for (String f : new String[] {"mlperf-tiny-ad-autoencoder-int8-qdq/deep_autoencoder.onnx"}) {
      Path model = SharedData.require("models/" + f);
      Program p = QdqModelsTest.lower(model);
      Program.Io in = p.inputs().get(0);
      Random r = new Random(1);
      for (int n = 0; n < 5; n++) {
        float[] x = new float[in.type().size()];
        for (int i = 0; i < x.length; i++) x[i] = (float) (-74 + r.nextDouble() * 80);
        Map<String, Tensor> feed = Map.of(in.name(), Tensor.ofFloats(in.type().shape(), x));
        float[] a = OnnxRuntimeOracle.run(model, feed, false).values().iterator().next().floats();
        float[] b = OnnxRuntimeOracle.run(model, feed, true).values().iterator().next().floats();
        float[] c = ProgramInterpreter.run(p, feed).values().iterator().next().floats();
        double ab = 0, ac = 0, bc = 0; int nab = 0, nbc = 0;
        for (int i = 0; i < a.length; i++) {
          ab = Math.max(ab, Math.abs(a[i] - b[i])); ac = Math.max(ac, Math.abs(a[i] - c[i])); bc = Math.max(bc, Math.abs(b[i] - c[i]));
          if (a[i] != b[i]) nab++; if (b[i] != c[i]) nbc++;
        }
        System.out.println("plain-vs-opt " + ab + " (" + nab + ") plain-vs-ours " + ac + " opt-vs-ours " + bc + " (" + nbc + ")");
      }
    }
  }
}
