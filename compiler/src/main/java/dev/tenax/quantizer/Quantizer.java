package dev.tenax.quantizer;

import dev.tenax.calib.CalibrationResult;
import dev.tenax.diag.UsageException;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import dev.tenax.quantizer.OpRules.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Post-training quantization to the int8 or the 16x8 scheme (see docs/quantization.md): turns
 * a float graph, after the standard passes, plus calibration ranges into the canonical QDQ
 * form. Every quantized activation {@code t} gets {@code t_q = QuantizeLinear(t)} and
 * {@code t_dq = DequantizeLinear(t_q)}, and its consumers read {@code t_dq}; weights and
 * biases become int8/int32 initializers behind a DequantizeLinear. The result is still an
 * ordinary ONNX graph, so the float evaluator and ONNX Runtime simulate the quantized model.
 *
 * <p>16x8 mode ({@link QuantMode#INT16X8}) differs only in the activations (int16, symmetric,
 * zero point 0, int16 Q/DQ hence opset 21), the fixed Softmax/Sigmoid/Tanh outputs, and biases
 * that would overflow int32 at the finer input scale, which stay float.
 */
public final class Quantizer {
  private final Graph g;
  private final CalibrationResult cal;
  private final QuantMode mode;
  private final Set<Node> quantized = new HashSet<>();
  /** Outputs of producers whose Relu/Clip the lowering fuses: not quantized themselves. */
  private final Set<String> fusedRaw = new HashSet<>();
  private final Map<String, QuantParams> params = new LinkedHashMap<>();
  /** Scale and zero-point initializer names per quantized tensor (shared along shape-only chains). */
  private final Map<String, String[]> paramNames = new HashMap<>();
  private final Map<String, String> dqNames = new HashMap<>();
  private final Set<String> names = new HashSet<>();
  private Graph.Builder out;
  private int opset;

  private Quantizer(Graph g, CalibrationResult cal, QuantMode mode) {
    this.g = g;
    this.cal = cal;
    this.mode = mode;
  }

  /** Quantizes {@code graph} (already through the standard passes) to int8 with calibration {@code cal}. */
  public static QuantizedModel quantize(Graph graph, CalibrationResult cal) throws UsageException {
    return quantize(graph, cal, QuantMode.INT8);
  }

  /** Quantizes {@code graph} (already through the standard passes) in {@code mode}. */
  public static QuantizedModel quantize(Graph graph, CalibrationResult cal, QuantMode mode) throws UsageException {
    return new Quantizer(OpsetUpgrade.apply(graph, mode.opset()), cal, mode).run();
  }

  private QuantizedModel run() {
    opset = g.opsets().getOrDefault("", mode.opset());
    names.addAll(g.values().keySet());
    g.nodes().forEach(n -> names.add(n.name()));
    for (Node n : g.nodes()) {
      if (OpRules.quantizable(g, n)) {
        quantized.add(n);
      }
    }
    markFusions();
    assignParams();
    Graph rewritten = emit();
    List<String> floats = new ArrayList<>();
    for (Node n : g.nodes()) {
      if (!quantized.contains(n)) {
        floats.add(n.opType() + " '" + n.name() + "'");
      }
    }
    return new QuantizedModel(rewritten, params, floats);
  }

  private void markFusions() {
    for (Node n : quantized) {
      String into = n.annotations().get("fuse-into");
      if (into == null || !(n.opType().equals("Relu") || n.opType().equals("Clip"))) {
        continue;
      }
      g.producer(n.input(0)).filter(p -> p.name().equals(into) && quantized.contains(p)
          && OpRules.kind(p) != Kind.SHAPE).ifPresent(p -> fusedRaw.add(n.input(0)));
    }
  }

  /** Whether a quantized node reads {@code t} as an activation. */
  private boolean readByQuantized(String t) {
    for (Node c : g.consumers(t)) {
      if (quantized.contains(c) && !fusedRaw.contains(t)) {
        for (int i : OpRules.dataInputs(c)) {
          if (c.input(i).equals(t)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void assignParams() {
    for (String in : g.inputs()) {
      if (g.type(in).dtype() == DType.FLOAT32 && readByQuantized(in)) {
        setOwn(in, QuantParams.of(cal.range(in), mode));
      }
    }
    for (Node n : g.nodes()) {
      String t = n.output(0);
      if (quantized.contains(n)) {
        if (fusedRaw.contains(t)) {
          continue;
        }
        switch (OpRules.kind(n)) {
          case SHAPE -> inherit(t, n.input(0));
          case FIXED -> setOwn(t, OpRules.fixedParams(n, mode));
          default -> setOwn(t, QuantParams.of(cal.range(t), mode));
        }
        if (OpRules.kind(n) == Kind.CONCAT) {
          shareWithInputs(n);
        }
      } else {
        for (String o : n.outputs()) {
          if (!o.isEmpty() && g.type(o).dtype() == DType.FLOAT32 && readByQuantized(o)) {
            setOwn(o, QuantParams.of(cal.range(o), mode));
          }
        }
      }
    }
  }

  /**
   * TFLite's Concat copies bytes, so its inputs must already carry its output's
   * quantization: an input whose range is its own (and is read by nothing that inherited
   * it yet) takes the Concat's parameters; any other input is requantized when emitted.
   */
  private void shareWithInputs(Node concat) {
    String t = concat.output(0);
    for (int i : OpRules.dataInputs(concat)) {
      String x = concat.input(i);
      if (!params.containsKey(x) || params.get(x).equals(params.get(t))) {
        continue;
      }
      boolean inherited = paramNames.values().stream().filter(p -> p == paramNames.get(x)).count() > 1;
      boolean ownRange = g.inputs().contains(x) || g.producer(x).map(p -> !quantized.contains(p)
          || OpRules.kind(p) == Kind.OWN_RANGE || OpRules.kind(p) == Kind.WEIGHTED).orElse(false);
      if (ownRange && !inherited && sharedOnlyByConcat(x, concat)) {
        params.put(x, params.get(t));
        paramNames.put(x, paramNames.get(t));
      }
    }
  }

  private boolean sharedOnlyByConcat(String x, Node concat) {
    return g.consumers(x).stream().allMatch(c -> c == concat || !quantized.contains(c)
        || OpRules.kind(c) != Kind.CONCAT);
  }

  private void setOwn(String t, QuantParams p) {
    params.put(t, p);
    paramNames.put(t, new String[] {unique(t + "_scale"), unique(t + "_zero_point")});
    dqNames.put(t, g.outputs().contains(t) && !g.inputs().contains(t) ? t : unique(t + "_dq"));
  }

  private void inherit(String t, String from) {
    params.put(t, params.get(from));
    paramNames.put(t, paramNames.get(from));
    dqNames.put(t, g.outputs().contains(t) && !g.inputs().contains(t) ? t : unique(t + "_dq"));
  }

  // ---- emission -------------------------------------------------------------------------

  private Graph emit() {
    out = g.toBuilder().nodes(List.of());
    Map<String, String> rawName = new HashMap<>();
    for (String t : params.keySet()) {
      if (g.outputs().contains(t) && !g.inputs().contains(t)) {
        String raw = unique(t + "_float");
        rawName.put(t, raw);
        out.putValue(Value.of(raw, g.type(t)));
      }
    }
    for (String in : g.inputs()) {
      if (params.containsKey(in)) {
        emitQdq(in, in);
      }
    }
    for (Node n : g.nodes()) {
      List<String> inputs = new ArrayList<>(n.inputs());
      if (quantized.contains(n)) {
        rewriteQuantizedInputs(n, inputs);
      } else {
        for (int i = 0; i < inputs.size(); i++) {
          if (params.containsKey(inputs.get(i))) {
            inputs.set(i, dq(inputs.get(i)));
          }
        }
      }
      List<String> outputs = new ArrayList<>(n.outputs());
      for (int i = 0; i < outputs.size(); i++) {
        outputs.set(i, rawName.getOrDefault(outputs.get(i), outputs.get(i)));
      }
      out.addNode(n.withInputs(inputs).withOutputs(outputs));
      for (int i = 0; i < outputs.size(); i++) {
        if (params.containsKey(n.output(i))) {
          emitQdq(n.output(i), outputs.get(i));
        }
      }
    }
    return out.build();
  }

  /** The name consumers read for quantized tensor {@code t}: a graph output keeps its name. */
  private String dq(String t) {
    return dqNames.get(t);
  }

  /** {@code t_q = QuantizeLinear(raw)}, {@code dq(t) = DequantizeLinear(t_q)}. */
  private void emitQdq(String t, String raw) {
    QuantParams p = params.get(t);
    String[] pn = paramNames.get(t);
    putScalar(pn[0], Tensor.scalar(p.scale()));
    putScalar(pn[1], Tensor.scalar(p.type(), p.zeroPoint()));
    TensorType type = g.type(t);
    String q = unique(t + "_q");
    out.putValue(Value.of(q, type.withDType(p.type())));
    out.addNode(node(t + "_QuantizeLinear", "QuantizeLinear", List.of(raw, pn[0], pn[1]), q, Map.of()));
    String dq = dq(t);
    out.putValue(Value.of(dq, type));
    out.addNode(node(t + "_DequantizeLinear", "DequantizeLinear", List.of(q, pn[0], pn[1]), dq, Map.of()));
  }

  private void putScalar(String name, Tensor t) {
    if (!out.valueMap().containsKey(name)) {
      out.putValue(Value.constant(name, t));
    }
  }

  private void rewriteQuantizedInputs(Node n, List<String> inputs) {
    Kind kind = OpRules.kind(n);
    for (int i : OpRules.dataInputs(n)) {
      String x = n.input(i);
      Value v = g.value(x);
      if (fusedRaw.contains(x)) {
        continue;
      }
      if (v.isConstant()) {
        QuantParams p = kind == Kind.CONCAT ? params.get(n.output(0)) : WeightQuantizer.paramsOf(v.constant(), mode);
        inputs.set(i, constantDq(x, WeightQuantizer.quantizeActivation(v.constant(), p),
            new float[] {p.scale()}, Tensor.scalar(p.type(), p.zeroPoint()), -1, v.type()));
      } else if (kind == Kind.CONCAT && !params.get(x).equals(params.get(n.output(0)))) {
        inputs.set(i, requantize(dq(x), n.output(0), v.type()));
      } else {
        inputs.set(i, dq(x));
      }
    }
    if (kind == Kind.WEIGHTED) {
      rewriteWeights(n, inputs);
    }
  }

  private void rewriteWeights(Node n, List<String> inputs) {
    Value w = g.value(n.input(1));
    int axis = OpRules.weightAxis(n);
    float[] ws = WeightQuantizer.channelScales(w.constant(), axis);
    int channels = ws.length;
    inputs.set(1, constantDq(n.input(1), WeightQuantizer.quantizeWeights(w.constant(), ws, axis), ws,
        Tensor.zeros(DType.INT8, new int[] {channels}), axis, w.type()));
    if (n.hasInput(2)) {
      float[] bs = WeightQuantizer.biasScales(params.get(n.input(0)).scale(), ws);
      Tensor b = g.value(n.input(2)).constant();
      if (mode == QuantMode.INT16X8 && !WeightQuantizer.biasFits(b, bs)) {
        // TFLite's 16x8 kernels hold the bias in int64, which DequantizeLinear cannot carry;
        // saturating to int32 would change the model, while a float bias stays exact and the
        // lowering rescales float biases to the accumulator's scale itself.
        return;
      }
      inputs.set(2, constantDq(n.input(2), WeightQuantizer.quantizeBias(b, bs), bs,
          Tensor.zeros(DType.INT32, new int[] {channels}), 0, new TensorType(DType.FLOAT32, new int[] {channels})));
    }
  }

  /** An int initializer behind a DequantizeLinear; {@code axis < 0} means per tensor (scalar scale). */
  private String constantDq(String base, Tensor q, float[] scale, Tensor zp, int axis, TensorType floatType) {
    String qName = unique(base + "_quantized");
    String sName = unique(base + "_scale");
    String zName = unique(base + "_zero_point");
    out.putValue(Value.constant(qName, q));
    out.putValue(Value.constant(sName, axis < 0 ? Tensor.scalar(scale[0])
        : Tensor.ofFloats(new int[] {scale.length}, scale)));
    out.putValue(Value.constant(zName, zp));
    String dq = unique(base + "_dq");
    out.putValue(Value.of(dq, floatType));
    Map<String, Attribute> attrs = axis < 0 ? Map.of() : Map.of("axis", Attribute.ofInt(axis));
    out.addNode(node(base + "_DequantizeLinear", "DequantizeLinear", List.of(qName, sName, zName), dq, attrs));
    return dq;
  }

  /** Moves {@code xdq} into the quantization of {@code target}: a requantize for the lowering. */
  private String requantize(String xdq, String target, TensorType type) {
    String[] pn = paramNames.get(target);
    QuantParams p = params.get(target);
    putScalar(pn[0], Tensor.scalar(p.scale()));
    putScalar(pn[1], Tensor.scalar(p.type(), p.zeroPoint()));
    String q = unique(xdq + "_rq");
    out.putValue(Value.of(q, type.withDType(p.type())));
    out.addNode(node(q + "_QuantizeLinear", "QuantizeLinear", List.of(xdq, pn[0], pn[1]), q, Map.of()));
    String dq = unique(q + "_dq");
    out.putValue(Value.of(dq, type));
    out.addNode(node(q + "_DequantizeLinear", "DequantizeLinear", List.of(q, pn[0], pn[1]), dq, Map.of()));
    return dq;
  }

  private Node node(String name, String op, List<String> in, String outName, Map<String, Attribute> attrs) {
    return new Node(unique(name), op, "", opset, in, List.of(outName), attrs, Map.of());
  }

  private String unique(String base) {
    String n = base;
    for (int i = 1; names.contains(n); i++) {
      n = base + "_" + i;
    }
    names.add(n);
    return n;
  }
}
