package dev.tenax.quantizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.calib.Preprocessing;
import dev.tenax.calib.RangeCollector;
import dev.tenax.frontend.OnnxExporter;
import dev.tenax.ir.Graph;
import dev.tenax.oracle.OnnxRuntimeOracle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exported QDQ file of a real MNIST model runs in ONNX Runtime and agrees with the float model. */
class MnistOrtAgreementTest {
  /** Every MNIST model's QDQ file loads in ORT (three were opset 9 and are raised to 13). */
  @Test
  void everyMnistModelRunsInOnnxRuntime() throws Exception {
    OnnxRuntimeOracle.assumeAvailable();
    for (Mnist.Model m : Mnist.MODELS) {
      Graph g = m.load();
      Preprocessing pre = Mnist.PREPROCESSINGS.get("0..1");
      Mnist cal = Mnist.load(0, 20, m.downsample());
      Mnist eval = Mnist.load(8000, 8020, m.downsample());
      RangeCollector rc = RangeCollector.collect(g, List.of(cal.calibration(g, pre)), RangeCollector.Progress.NONE);
      Graph q = Quantizer.quantize(g, rc.ranges(QuantizeDefaults.METHOD)).graph();
      byte[] model = OnnxExporter.export(q, "test").toByteArray();
      String in = q.inputs().get(0);
      int[] ort = eval.predict(q, pre, t -> OnnxRuntimeOracle.run(model, Map.of(in, t)));
      int[] ref = eval.predict(q, pre);
      assertTrue(Mnist.agreement(ort, ref) >= 0.95, m.name() + ": ORT and the reference evaluator disagree");
    }
  }

  @Test
  void burnCnnQdqAgreesWithFloatInOnnxRuntime() throws Exception {
    OnnxRuntimeOracle.assumeAvailable();
    Mnist.Model m = Mnist.MODELS.get(2);
    Graph g = m.load();
    Preprocessing pre = Mnist.PREPROCESSINGS.get("mnist-normalized");
    Mnist cal = Mnist.load(0, 100, false);
    Mnist eval = Mnist.load(8000, 8200, false);
    RangeCollector rc = RangeCollector.collect(g, List.of(cal.calibration(g, pre)), RangeCollector.Progress.NONE);
    Graph q = Quantizer.quantize(g, rc.ranges(QuantizeDefaults.METHOD)).graph();
    byte[] model = OnnxExporter.export(q, "test").toByteArray();
    String in = q.inputs().get(0);
    int[] ort = eval.predict(q, pre, t -> OnnxRuntimeOracle.run(model, Map.of(in, t)));
    int[] flt = eval.predict(g, pre);
    double agree = Mnist.agreement(ort, flt);
    assertTrue(agree >= 0.97, "int8 QDQ in ORT agrees with float on " + agree + " of 200 images");
  }

  /** 16x8 mode on the same model: ORT runs the opset-21 int16 QDQ file and loses nothing against int8. */
  @Test
  void burnCnn16x8AgreesWithFloatAtLeastAsWellAsInt8() throws Exception {
    OnnxRuntimeOracle.assumeAvailable();
    Mnist.Model m = Mnist.MODELS.get(2);
    Graph g = m.load();
    Preprocessing pre = Mnist.PREPROCESSINGS.get("mnist-normalized");
    Mnist cal = Mnist.load(0, 100, false);
    Mnist eval = Mnist.load(8000, 8200, false);
    RangeCollector rc = RangeCollector.collect(g, List.of(cal.calibration(g, pre)), RangeCollector.Progress.NONE);
    int[] flt = eval.predict(g, pre);
    double[] agree = new double[2];
    for (QuantMode mode : QuantMode.values()) {
      Graph q = Quantizer.quantize(g, rc.ranges(QuantizeDefaults.METHOD), mode).graph();
      byte[] model = OnnxExporter.export(q, "test").toByteArray();
      String in = q.inputs().get(0);
      int[] ort = eval.predict(q, pre, t -> OnnxRuntimeOracle.run(model, Map.of(in, t)));
      agree[mode.ordinal()] = Mnist.agreement(ort, flt);
      if (mode == QuantMode.INT16X8) {
        assertEquals(21, q.opsets().get(""));
        assertTrue(Mnist.agreement(ort, eval.predict(q, pre)) >= 0.99, "16x8: ORT and the reference evaluator "
            + "disagree");
      }
    }
    assertTrue(agree[1] >= agree[0], "16x8 agrees with float on " + agree[1] + " of 200 images, int8 on "
        + agree[0]);
  }
}
