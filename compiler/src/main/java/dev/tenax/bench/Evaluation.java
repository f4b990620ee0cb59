package dev.tenax.bench;

import dev.tenax.calib.CalibrationData;
import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.hostrun.CompiledModel;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Float model versus compiled int8 model on labelled samples: top-1 of each, their agreement,
 * per-layer SQNR (the Java integer evaluator's buffers against the float values they quantize)
 * and a bit-for-bit check of the compiled C against that evaluator on every sample.
 */
public final class Evaluation {
  /** Receives progress after each sample. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);

    Progress NONE = (done, total) -> { };
  }

  /**
   * What an evaluation measured.
   *
   * @param mismatches samples on which the compiled C and the Java integer evaluator differ in
   *     any output bit (must be 0)
   * @param layers SQNR per quantized buffer that stands for a float value, in program order
   */
  public record Result(int samples, int floatCorrect, int quantizedCorrect, int agreeing, int mismatches,
      List<LayerSqnr> layers) {
    public double floatTop1() {
      return (double) floatCorrect / samples;
    }

    public double quantizedTop1() {
      return (double) quantizedCorrect / samples;
    }

    public double agreement() {
      return (double) agreeing / samples;
    }
  }

  private Evaluation() {}

  /**
   * Runs every sample of {@code data} through the float graph (reference evaluator), the
   * program (integer evaluator) and the compiled model; {@code labels[i]} is sample i's class.
   * The first graph output is the one whose argmax is the prediction.
   */
  public static Result run(Graph floatGraph, Program program, CompiledModel compiled, CalibrationData data,
      int[] labels, Progress progress) {
    if (labels.length != data.size()) {
      throw new IllegalArgumentException(data.size() + " samples but " + labels.length + " labels");
    }
    Set<String> floatValues = new HashSet<>(floatGraph.inputs());
    for (Node n : floatGraph.nodes()) {
      for (String out : n.outputs()) {
        if (!out.isEmpty() && floatGraph.type(out).dtype() == DType.FLOAT32) {
          floatValues.add(out);
        }
      }
    }
    QuantizedValues quantized = QuantizedValues.of(program, floatValues);
    Map<String, LayerSqnr> sqnr = new java.util.LinkedHashMap<>();
    for (String name : quantized.names()) {
      if (floatGraph.type(name).size() == quantized.elements(name)) {
        sqnr.put(name, new LayerSqnr(name));
      }
    }
    ReferenceEvaluator reference = new ReferenceEvaluator();
    String input = data.inputName();
    String output = floatGraph.outputs().get(0);
    int total = data.size();
    int i = 0;
    int floatCorrect = 0;
    int quantCorrect = 0;
    int agree = 0;
    int mismatches = 0;
    for (Tensor sample : data) {
      Map<String, Tensor> feed = Map.of(input, sample);
      Map<String, float[]> ref = new HashMap<>();
      Map<String, Tensor> floatOut = reference.run(floatGraph, feed, (name, value) -> {
        if (sqnr.containsKey(name)) {
          ref.put(name, value.floats());
        }
      });
      Memory memory = new Memory();
      Map<String, Tensor> interpreted = ProgramInterpreter.run(program, feed, memory);
      Map<String, Tensor> native_ = compiled.run(feed);
      if (!sameBits(interpreted, native_)) {
        mismatches++;
      }
      for (LayerSqnr l : sqnr.values()) {
        l.add(ref.get(l.name()), quantized.dequantized(l.name(), memory));
      }
      int f = argmax(floatOut.get(output));
      Tensor q = native_.containsKey(output) ? native_.get(output) : native_.values().iterator().next();
      int p = argmax(q);
      floatCorrect += f == labels[i] ? 1 : 0;
      quantCorrect += p == labels[i] ? 1 : 0;
      agree += f == p ? 1 : 0;
      i++;
      progress.update(i, total);
    }
    return new Result(total, floatCorrect, quantCorrect, agree, mismatches, new ArrayList<>(sqnr.values()));
  }

  static boolean sameBits(Map<String, Tensor> a, Map<String, Tensor> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (String k : a.keySet()) {
      float[] x = a.get(k).floats();
      float[] y = b.get(k).floats();
      if (x.length != y.length) {
        return false;
      }
      for (int i = 0; i < x.length; i++) {
        if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) {
          return false;
        }
      }
    }
    return true;
  }

  /** The index of the largest element (the first one on ties). */
  public static int argmax(Tensor t) {
    int best = 0;
    for (int i = 1; i < t.size(); i++) {
      if (t.getFloat(i) > t.getFloat(best)) {
        best = i;
      }
    }
    return best;
  }
}
