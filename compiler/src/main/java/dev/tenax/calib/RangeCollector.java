package dev.tenax.calib;

import dev.tenax.diag.UsageException;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the float reference evaluator over calibration samples and keeps, for every float32
 * value computed at run time (graph inputs and node outputs; constants are weights and are
 * quantized from their own data), a {@link ValueStats}. Ranges for any method are then
 * derived from the same statistics, so one run serves min/max, percentile and MSE.
 *
 * <p>Percentile and MSE need a histogram. It is built in the same single pass, growing by
 * exact pairwise bin merging (see {@link Histogram}), rather than in a second pass over a
 * range fixed by a first one: the evaluator is by far the dominant cost, and a second pass
 * would double it, while the single pass loses at most a factor of 4 in resolution, which
 * the default 8192 bins absorb (at least 2048 bins across the observed range, i.e. about 8
 * bins per int8 step even when the range is clipped to a quarter).
 */
public final class RangeCollector {
  public static final int DEFAULT_BINS = 8192;
  public static final double DEFAULT_PERCENTILE = 99.99;

  /** Receives progress after each sample; long runs print it. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);

    Progress NONE = (done, total) -> { };
  }

  private final Graph graph;
  private final ReferenceEvaluator evaluator;
  private final Map<String, ValueStats> stats = new LinkedHashMap<>();
  private int samples;

  public RangeCollector(Graph graph, ReferenceEvaluator evaluator, int bins) {
    this.graph = graph;
    this.evaluator = evaluator;
    for (String in : graph.inputs()) {
      track(in, bins);
    }
    for (Node n : graph.nodes()) {
      for (String out : n.outputs()) {
        track(out, bins);
      }
    }
  }

  public RangeCollector(Graph graph) {
    this(graph, new ReferenceEvaluator(), DEFAULT_BINS);
  }

  private void track(String name, int bins) {
    if (!name.isEmpty() && graph.type(name).dtype() == DType.FLOAT32) {
      stats.put(name, new ValueStats(bins));
    }
  }

  /**
   * Feeds every sample of {@code data} (one entry per graph input, all of the same size,
   * iterated in lockstep) through {@code graph} and returns the collector.
   */
  public static RangeCollector collect(Graph graph, List<CalibrationData> data, Progress progress)
      throws UsageException {
    Set<String> given = new HashSet<>();
    for (CalibrationData d : data) {
      if (!graph.inputs().contains(d.inputName())) {
        throw new UsageException("calibration data is given for '" + d.inputName()
            + "', which is not a model input (inputs: " + String.join(", ", graph.inputs()) + ")");
      }
      if (!given.add(d.inputName())) {
        throw new UsageException("calibration data is given twice for input '" + d.inputName() + "'");
      }
      if (!d.inputType().equals(graph.type(d.inputName()))) {
        throw new IllegalArgumentException("calibration data for '" + d.inputName() + "' was opened for "
            + d.inputType() + " but the input is " + graph.type(d.inputName()));
      }
      if (d.size() != data.get(0).size()) {
        throw new UsageException("calibration data for '" + d.inputName() + "' has " + d.size()
            + " samples but for '" + data.get(0).inputName() + "' " + data.get(0).size()
            + "; every input needs the same number of samples");
      }
    }
    List<String> missing = graph.inputs().stream().filter(n -> !given.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw new UsageException("no calibration data for model input" + (missing.size() > 1 ? "s " : " ")
          + String.join(", ", missing) + "; give data for every input");
    }
    RangeCollector c = new RangeCollector(graph);
    int total = data.isEmpty() ? 0 : data.get(0).size();
    List<Iterator<Tensor>> its = new ArrayList<>();
    for (CalibrationData d : data) {
      its.add(d.iterator());
    }
    try {
      for (int s = 0; s < total; s++) {
        Map<String, Tensor> feed = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
          feed.put(data.get(i).inputName(), its.get(i).next());
        }
        c.add(feed);
        progress.update(s + 1, total);
      }
    } catch (CalibrationData.SampleException e) {
      throw e.usage();
    }
    return c;
  }

  /** Runs one sample (a value for every graph input) and records what it computes. */
  public void add(Map<String, Tensor> inputs) {
    evaluator.run(graph, inputs, (name, value) -> {
      ValueStats s = stats.get(name);
      if (s != null) {
        s.add(value.floats());
      }
    });
    samples++;
  }

  public int samples() {
    return samples;
  }

  /** Statistics per float value, in graph order (inputs first). */
  public Map<String, ValueStats> stats() {
    return Collections.unmodifiableMap(stats);
  }

  public CalibrationResult ranges(CalibrationMethod method) {
    return ranges(method, DEFAULT_PERCENTILE);
  }

  /** Ranges for {@code method}; {@code percentile} (e.g. 99.99) is used by PERCENTILE only. */
  public CalibrationResult ranges(CalibrationMethod method, double percentile) {
    Map<String, ValueRange> out = new LinkedHashMap<>();
    for (Map.Entry<String, ValueStats> e : stats.entrySet()) {
      double[] r;
      switch (method) {
        case MIN_MAX: r = ClipSearch.minMax(e.getValue()); break;
        case PERCENTILE: r = ClipSearch.percentile(e.getValue(), percentile); break;
        default: r = ClipSearch.mse(e.getValue(), 256);
      }
      out.put(e.getKey(), new ValueRange((float) r[0], (float) r[1]));
    }
    return new CalibrationResult(method, percentile, samples, out);
  }
}
