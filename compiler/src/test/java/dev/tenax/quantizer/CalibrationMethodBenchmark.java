package dev.tenax.quantizer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.calib.CalibrationMethod;
import dev.tenax.calib.Preprocessing;
import dev.tenax.calib.RangeCollector;
import dev.tenax.ir.Graph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Chooses the default calibration method by measurement (table in docs/quantization.md):
 * for each MNIST model, calibrate on MNIST test images 0..N-1 (the project's calibration
 * split is 0..7999), quantize with each method, and compare top-1 of the float and the QDQ
 * model, both run by the reference evaluator, on images 8000.. (evaluation split).
 *
 * <p>The default run is small (100 calibration, 200 evaluation images); the full measurement
 * is {@code -Dtenax.quant.benchmark=full} (500 calibration, 2000 evaluation images).
 * mnist-14x14-cnn-atmega gets the images 2x2-averaged to 14x14.
 */
class CalibrationMethodBenchmark {
  static final CalibrationMethod DEFAULT = QuantizeDefaults.METHOD;

  /** The full measurement without Maven: {@code java -cp ... CalibrationMethodBenchmark}. */
  public static void main(String[] args) throws Exception {
    System.setProperty("tenax.quant.benchmark", "full");
    new CalibrationMethodBenchmark().int8AccuracyPerMethod();
  }

  @Test
  void int8AccuracyPerMethod() throws Exception {
    boolean full = "full".equals(System.getProperty("tenax.quant.benchmark"));
    int calib = full ? 500 : 100;
    int evalCount = full ? 2000 : 200;
    StringBuilder table = new StringBuilder(String.format("| %-28s | %-16s | %6s | %7s | %10s | %5s |%n",
        "model", "preprocessing", "float", "min-max", "percentile", "mse"));
    for (Mnist.Model m : Mnist.MODELS) {
      Graph g = m.load();
      Mnist cal = Mnist.load(0, calib, m.downsample());
      Mnist eval = Mnist.load(8000, 8000 + evalCount, m.downsample());
      String preName = choosePreprocessing(g, cal);
      Preprocessing pre = Mnist.PREPROCESSINGS.get(preName);
      RangeCollector rc = RangeCollector.collect(g, List.of(cal.calibration(g, pre)), RangeCollector.Progress.NONE);
      double floatAcc = eval.accuracy(eval.predict(g, pre));
      StringBuilder row = new StringBuilder(String.format("| %-28s | %-16s | %6.2f |", m.name(), preName,
          100 * floatAcc));
      for (CalibrationMethod method : CalibrationMethod.values()) {
        QuantizedModel q = Quantizer.quantize(g, rc.ranges(method));
        double acc = eval.accuracy(eval.predict(q.graph(), pre));
        row.append(String.format(" %7.2f |", 100 * acc));
        if (method == DEFAULT) {
          assertTrue(acc >= floatAcc - 0.03, m.name() + ": int8 top-1 " + acc + " vs float " + floatAcc);
        }
      }
      table.append(row).append('\n');
    }
    System.out.println("calibration " + calib + " images (0.." + (calib - 1) + "), evaluation " + evalCount
        + " images (8000.." + (8000 + evalCount - 1) + "), top-1 %\n" + table);
  }

  /** The pixel mapping under which the float model is most accurate on calibration images. */
  static String choosePreprocessing(Graph g, Mnist images) {
    String best = null;
    double bestAcc = -1;
    for (Map.Entry<String, Preprocessing> e : new java.util.TreeMap<>(Mnist.PREPROCESSINGS).entrySet()) {
      double acc = images.accuracy(images.predict(g, e.getValue()));
      if (acc > bestAcc) {
        best = e.getKey();
        bestAcc = acc;
      }
    }
    return best;
  }
}
