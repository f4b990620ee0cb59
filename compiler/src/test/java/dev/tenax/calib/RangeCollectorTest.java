package dev.tenax.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.UsageException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.io.Npy;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.testing.OnnxModelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RangeCollectorTest {
  @TempDir
  Path dir;

  /** x -> y = 2x -> z = relu(y); w = x + 10. */
  static Graph graph(int n) throws Exception {
    return new ModelImporter(OperatorRegistry.standard(), ImportOptions.defaults()).importModel(new OnnxModelBuilder()
        .input("x", DType.FLOAT32, 1, n).initializer("two", Tensor.scalar(2f)).initializer("ten", Tensor.scalar(10f))
        .node("Mul", List.of("x", "two"), List.of("y")).node("Relu", List.of("y"), List.of("z"))
        .node("Add", List.of("x", "ten"), List.of("w"))
        .output("z", DType.FLOAT32, 1, n).output("w", DType.FLOAT32, 1, n).build());
  }

  static Tensor row(float... v) {
    return Tensor.ofFloats(new int[] {1, v.length}, v);
  }

  @Test
  void evaluatorReportsInputsAndEveryNodeOutputAndStillReturnsTheOutputs() throws Exception {
    Graph g = graph(3);
    Tensor x = row(-1, 0.5f, 2);
    Map<String, Tensor> seen = new LinkedHashMap<>();
    Map<String, Tensor> out = new ReferenceEvaluator().run(g, Map.of("x", x), seen::put);
    assertEquals(List.of("x", "y", "z", "w"), new ArrayList<>(seen.keySet()));
    assertEquals(x, seen.get("x"));
    assertEquals(row(-2, 1, 4), seen.get("y"));
    assertEquals(row(0, 1, 4), seen.get("z"));
    assertEquals(row(9, 10.5f, 12), seen.get("w"));
    assertEquals(new ReferenceEvaluator().run(g, Map.of("x", x)), out);
    assertEquals(List.of("z", "w"), new ArrayList<>(out.keySet()));
  }

  @Test
  void minMaxIsExactAndAlwaysContainsZero() throws Exception {
    RangeCollector c = new RangeCollector(graph(3));
    c.add(Map.of("x", row(-1.5f, 0.25f, 3)));
    c.add(Map.of("x", row(0.5f, -4, 2)));
    c.add(Map.of("x", row(1, 1, 1)));
    CalibrationResult r = c.ranges(CalibrationMethod.MIN_MAX);
    assertEquals(CalibrationMethod.MIN_MAX, r.method());
    assertEquals(3, r.samples());
    assertEquals(List.of("x", "y", "z", "w"), new ArrayList<>(r.ranges().keySet()));
    assertEquals(new ValueRange(-4, 3), r.range("x"));
    assertEquals(new ValueRange(-8, 6), r.range("y"));
    assertEquals(new ValueRange(0, 6), r.range("z"));
    // w runs from 6 to 13: the range is stretched down to 0 so that zero is representable.
    assertEquals(new ValueRange(0, 13), r.range("w"));
    assertEquals(6f, c.stats().get("w").min());
    assertEquals(2, c.stats().get("z").zeros(), "relu(-3) and relu(-8)");
  }

  /** 10 samples of 1000 values: -1..1 evenly spaced overall, plus one outlier of 1000 in sample 3. */
  static List<Tensor> evenSamplesWithOutlier() {
    List<Tensor> s = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      float[] v = new float[1000];
      for (int k = 0; k < 1000; k++) {
        v[k] = (float) (-1 + 2.0 * (i * 1000 + k) / 9999);
      }
      if (i == 3) {
        v[500] = 1000;
      }
      s.add(row(v));
    }
    return s;
  }

  @Test
  void percentileClipsAnOutlierThatMinMaxKeeps() throws Exception {
    RangeCollector c = new RangeCollector(graph(1000));
    for (Tensor t : evenSamplesWithOutlier()) {
      c.add(Map.of("x", t));
    }
    assertEquals(new ValueRange(-1, 1000), c.ranges(CalibrationMethod.MIN_MAX).range("x"));
    // 99.9% cuts 0.05% = 5 of the 10000 elements off each end: the outlier and 4 more at the top.
    // Only whole bins in the tail are cut, so the top can stay up to one bin above 1 - 4 * 2/9999;
    // the histogram spans at most 4x the observed 1001, i.e. bins of at most 4 * 1001 / 8192.
    ValueRange p = c.ranges(CalibrationMethod.PERCENTILE, 99.9).range("x");
    double bin = 4 * 1001.0 / RangeCollector.DEFAULT_BINS;
    assertTrue(p.max() >= 1 - 5 * 2.0 / 9999 && p.max() <= 1 + bin, p.toString());
    assertTrue(p.min() >= -1 && p.min() <= -1 + 5 * 2.0 / 9999 + bin, p.toString());
    assertEquals(new ValueRange(0, 2000), c.ranges(CalibrationMethod.MIN_MAX).range("z"));
    assertTrue(c.ranges(CalibrationMethod.PERCENTILE, 99.9).range("z").max() <= 2 + 2 * bin);
    // Percentile 100 cuts nothing: it is min/max exactly.
    assertEquals(c.ranges(CalibrationMethod.MIN_MAX).ranges(), c.ranges(CalibrationMethod.PERCENTILE, 100).ranges());
  }

  @Test
  void mseKeepsAUniformRangeNearlyWhole() throws Exception {
    // For N values uniform over width r, clipping d off one end costs about (N/r) d^3 / 3 and
    // saves about N r d / (255^2 * 6) of rounding error; the optimum is d = r / (255 sqrt 6),
    // 0.0032 here, below the 1% spacing of the candidate grid: the search must keep at least 98.5%.
    RangeCollector c = new RangeCollector(graph(1000));
    List<Tensor> s = evenSamplesWithOutlier();
    s.set(3, row(new float[1000]));
    for (Tensor t : s) {
      c.add(Map.of("x", t));
    }
    ValueRange m = c.ranges(CalibrationMethod.MSE).range("x");
    assertTrue(m.max() >= 0.985 && m.max() <= 1 && m.min() <= -0.985 && m.min() >= -1, m.toString());
  }

  @Test
  void mseFindsTheBruteForceOptimumOfALaplaceDistribution() throws Exception {
    java.util.Random r = new java.util.Random(3);
    RangeCollector c = new RangeCollector(graph(2000));
    float[] all = new float[200 * 2000];
    for (int i = 0; i < 200; i++) {
      float[] v = new float[2000];
      for (int k = 0; k < v.length; k++) {
        double u = r.nextDouble() - 0.5;
        v[k] = (float) (-Math.signum(u) * Math.log(1 - 2 * Math.abs(u)));
        all[i * 2000 + k] = v[k];
      }
      c.add(Map.of("x", row(v)));
    }
    // Independent check: real int8 quantize-dequantize of every element, symmetric clips 1..max.
    float max = c.stats().get("x").max();
    double bestAlpha = 0;
    double best = Double.POSITIVE_INFINITY;
    for (double alpha = 1; alpha <= max; alpha += 0.02) {
      double e = trueMse(all, -alpha, alpha);
      if (e < best) {
        best = e;
        bestAlpha = alpha;
      }
    }
    ValueRange m = c.ranges(CalibrationMethod.MSE).range("x");
    double got = trueMse(all, m.min(), m.max());
    String info = "MSE range " + m + ", brute-force alpha " + bestAlpha + " (mse " + best + "), got mse " + got
        + ", observed max " + max;
    // The error is flat near its minimum: the chosen range must be about as good (within 3%)...
    assertTrue(got <= best * 1.03, info);
    // ...near the brute-force clip, and really clip the tail, unlike min/max (which is much worse).
    assertTrue(Math.abs(m.max() - bestAlpha) <= 0.15 * bestAlpha && Math.abs(-m.min() - bestAlpha) <= 0.15 * bestAlpha,
        info);
    assertTrue(m.max() < 0.95 * max, info);
    ValueRange mm = c.ranges(CalibrationMethod.MIN_MAX).range("x");
    assertTrue(trueMse(all, mm.min(), mm.max()) > 1.1 * got, info);
  }

  /** Mean squared error of int8 asymmetric quantization over [lo, hi], as the integer kernels will do it. */
  static double trueMse(float[] x, double lo, double hi) {
    double scale = (hi - lo) / 255;
    long zp = Math.max(-128, Math.min(127, Math.round(-128 - lo / scale)));
    double sum = 0;
    for (float v : x) {
      long q = Math.max(-128, Math.min(127, Math.round(v / scale) + zp));
      double d = (q - zp) * scale - v;
      sum += d * d;
    }
    return sum / x.length;
  }

  @Test
  void collectStreamsCalibrationDataAndReportsProgress() throws Exception {
    Graph g = graph(1000);
    List<Tensor> s = evenSamplesWithOutlier();
    float[] stacked = new float[10 * 1000];
    for (int i = 0; i < 10; i++) {
      System.arraycopy(s.get(i).floats(), 0, stacked, i * 1000, 1000);
    }
    Path f = dir.resolve("calib.npy");
    Files.write(f, Npy.write(Tensor.ofFloats(new int[] {10, 1000}, stacked)));
    CalibrationData d = CalibrationData.open(f, "x", g.type("x"), SampleRange.ALL, Preprocessing.IDENTITY);
    List<String> progress = new ArrayList<>();
    RangeCollector c = RangeCollector.collect(g, List.of(d), (done, total) -> progress.add(done + "/" + total));
    assertEquals(List.of("1/10", "2/10", "3/10", "4/10", "5/10", "6/10", "7/10", "8/10", "9/10", "10/10"), progress);
    RangeCollector byHand = new RangeCollector(g);
    s.forEach(t -> byHand.add(Map.of("x", t)));
    for (CalibrationMethod m : CalibrationMethod.values()) {
      assertEquals(byHand.ranges(m).ranges(), c.ranges(m).ranges(), m.toString());
    }
    UsageException none = assertThrows(UsageException.class, () -> RangeCollector.collect(g, List.of(),
        RangeCollector.Progress.NONE));
    assertTrue(none.getMessage().contains("no calibration data for model input x"), none.getMessage());
  }

  @Test
  void aBadSampleStopsCollectionWithItsUsageMessage() throws Exception {
    Graph g = graph(2);
    Files.write(dir.resolve("0.npy"), Npy.write(row(1, 2)));
    Files.write(dir.resolve("1.npy"), Npy.write(row(1, 2, 3)));
    CalibrationData d = CalibrationData.open(dir, "x", g.type("x"), SampleRange.ALL, Preprocessing.IDENTITY);
    UsageException e = assertThrows(UsageException.class, () -> RangeCollector.collect(g, List.of(d),
        RangeCollector.Progress.NONE));
    assertTrue(e.getMessage().contains("sample 1 of"), e.getMessage());
  }
}
