package dev.tenax.lower;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.quant.ActivationRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an optimized, quantized (QDQ) graph into a {@link Program}: each node asks its operator
 * to lower itself ({@link Operator#lower}); integer kernels absorb the QuantizeLinear (and
 * Relu/Clip) that follows them, DequantizeLinear becomes a way of reading an int8 buffer, and
 * nodes without an integer kernel run in float32 between a dequantize and a quantize. Every
 * problem is reported at once.
 */
public final class Lowering {
  private final Graph graph;
  private final OperatorRegistry registry;
  private final Map<String, LoweredValue> values = new HashMap<>();
  private final List<Buffer> buffers = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();
  private final Set<Node> absorbed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<String> floatNodes = new LinkedHashSet<>();
  private final Map<Buffer, View> dequantized = new IdentityHashMap<>();
  private final Set<String> broken = new HashSet<>();
  private final List<Diagnostic> problems = new ArrayList<>();
  private final List<Program.Io> inputs = new ArrayList<>();
  private final List<Program.Io> outputs = new ArrayList<>();
  private final ModelIo io;
  private final InputLayout layout;
  /** With quantized I/O: the value whose buffer a quantized graph output is, by its output index. */
  private final Map<String, Integer> quantizedOutputs;

  private Lowering(Graph graph, OperatorRegistry registry, ModelIo io, InputLayout layout) {
    this.graph = graph;
    this.registry = registry;
    this.io = io;
    this.layout = layout;
    this.quantizedOutputs = io == ModelIo.QUANTIZED ? QuantizedBoundary.outputSources(graph) : new HashMap<>();
  }

  /** Lowers {@code graph} (after the standard passes) with float32 inputs and outputs. */
  public static Program lower(Graph graph, OperatorRegistry registry) throws ModelRejectedException {
    return lower(graph, registry, ModelIo.FLOAT);
  }

  /** Lowers {@code graph} (after the standard passes) with inputs and outputs as {@code io} says. */
  public static Program lower(Graph graph, OperatorRegistry registry, ModelIo io) throws ModelRejectedException {
    return lower(graph, registry, io, InputLayout.MODEL);
  }

  /** Lowers {@code graph} with inputs and outputs as {@code io} says and rank-4 inputs laid out as {@code layout} says. */
  public static Program lower(Graph graph, OperatorRegistry registry, ModelIo io, InputLayout layout)
      throws ModelRejectedException {
    return new Lowering(graph, registry, io, layout).run();
  }

  private Program run() throws ModelRejectedException {
    for (Value v : graph.values().values()) {
      if (v.isConstant()) {
        values.put(v.name(), new LoweredValue.Constant(v.constant()));
      }
    }
    for (int i = 0; i < graph.inputs().size(); i++) {
      String name = graph.inputs().get(i);
      TensorType t = graph.type(name);
      if (t.dtype() != DType.FLOAT32) {
        problems.add(Diagnostic.of(Code.TX080, "graph input '" + name + "' is " + t.dtype()
            + "; compiled models take float32 inputs", "Export the model with a float32 input."));
        broken.add(name);
        continue;
      }
      QuantParams q = io == ModelIo.QUANTIZED ? QuantizedBoundary.inputQuantization(graph, name, values) : null;
      DType type = q == null ? DType.FLOAT32 : q.type();
      Buffer b = addBuffer(name, type, t.size(), q, Buffer.Kind.INPUT, i);
      int[] perm = layout == InputLayout.NHWC && t.rank() == 4 ? Layouts.NHWC : Layouts.identity(t.rank());
      int[] passed = Layouts.permute(t.shape(), perm);
      inputs.add(new Program.Io(name, new TensorType(type, passed), b, perm));
      // a quantized input is what its QuantizeLinear readers produce, so they lower to nothing
      values.put(name, new Activation(new View(b, passed, perm)));
    }
    for (Node node : graph.nodes()) {
      if (!absorbed.contains(node)) {
        lowerNode(node);
      }
    }
    for (int i = 0; i < graph.outputs().size(); i++) {
      lowerOutput(graph.outputs().get(i), i);
    }
    if (!problems.isEmpty()) {
      throw new ModelRejectedException(problems);
    }
    QuantizeTransposeFusion.apply(steps, buffers);
    return new Program(graph.name(), List.copyOf(buffers), List.copyOf(steps), List.copyOf(inputs),
        List.copyOf(outputs), List.copyOf(floatNodes));
  }

  private void lowerNode(Node node) {
    for (String in : node.inputs()) {
      if (!in.isEmpty() && broken.contains(in)) {
        broken.addAll(node.outputs()); // already reported upstream
        return;
      }
    }
    Operator op = registry.lookup(node.domain(), node.opType()).orElseThrow();
    if (!KernelCoverage.hasKernels(op)) {
      fail(node, KernelCoverage.noKernel(node));
      return;
    }
    try {
      if (!op.lower(new LowerContext(this, graph, node))) {
        fail(node, Diagnostic.at(node, Code.TX080, describeInputs(node), Code.TX080.defaultHint()));
      }
    } catch (OpException e) {
      fail(node, Diagnostic.at(node, e.code(), e.getMessage(), e.hint()));
    } catch (IllegalArgumentException e) {
      fail(node, Diagnostic.at(node, Code.TX070, "lowering failed: " + e.getMessage(),
          Code.TX070.defaultHint()));
    }
  }

  private String describeInputs(Node node) {
    StringBuilder sb = new StringBuilder("no kernel for " + node.opType() + " with inputs (");
    for (int i = 0; i < node.inputs().size(); i++) {
      LoweredValue v = node.input(i).isEmpty() ? null : values.get(node.input(i));
      sb.append(i == 0 ? "" : ", ").append(describe(v));
    }
    return sb.append(")").toString();
  }

  private static String describe(LoweredValue v) {
    if (v instanceof Activation a) {
      return (a.quantized() ? a.view().buffer().dtype().toString().toLowerCase() : "float32") + " tensor";
    }
    if (v instanceof LoweredValue.QuantizedConstant q) {
      return "quantized " + q.data().dtype() + " constant";
    }
    return v == null ? "absent" : "constant";
  }

  private void fail(Node node, Diagnostic d) {
    problems.add(d);
    broken.addAll(node.outputs());
  }

  private void lowerOutput(String name, int index) {
    if (broken.contains(name)) {
      return;
    }
    TensorType t = graph.type(name);
    LoweredValue v = values.get(name);
    if (!(v instanceof Activation a) || t.dtype() != DType.FLOAT32) {
      problems.add(Diagnostic.of(Code.TX080, "graph output '" + name + "' is not a float32 tensor "
          + "computed at run time", "Export the model with float32 outputs computed from its inputs."));
      return;
    }
    Buffer target;
    if (a.view().buffer().kind() == Buffer.Kind.OUTPUT && a.view().buffer().ioIndex() == index) {
      target = a.view().buffer();
    } else if (a.quantized()) {
      LowerContext ctx = new LowerContext(this, graph, graph.producer(name).orElseThrow());
      View logical = ctx.inLogicalOrder(a.view());
      target = addBuffer(name, DType.FLOAT32, t.size(), null, Buffer.Kind.OUTPUT, index);
      emit(new dev.tenax.lower.steps.DequantizeStep(name, logical.buffer().quant(), logical,
          View.of(target, t.shape())));
    } else {
      problems.add(Diagnostic.of(Code.TX080, "graph output '" + name + "' is a float32 tensor that "
          + "is not computed by a kernel (it repeats an input or another output)",
          "Remove the pass-through output from the model."));
      return;
    }
    outputs.add(new Program.Io(name, t.withDType(target.dtype()), target));
  }

  LoweredValue value(String name) {
    LoweredValue v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("value '" + name + "' was not lowered");
    }
    return v;
  }

  void define(String name, LoweredValue value) {
    values.put(name, value);
  }

  void absorb(FusedOutput fused, Activation out) {
    absorbed.addAll(fused.absorbed());
    values.put(fused.value(), out);
  }

  void emit(Step step) {
    steps.add(step);
  }

  void markFloat(Node node) {
    floatNodes.add(node.name());
  }

  View dequantized(View view, String nodeName) {
    View f = dequantized.get(view.buffer());
    if (f == null) {
      f = newBuffer(view.buffer().name() + "/float", view.logicalShape(), view.perm(), DType.FLOAT32, null);
      emit(new dev.tenax.lower.steps.DequantizeStep(nodeName, view.buffer().quant(), view, f));
      dequantized.put(view.buffer(), f);
    }
    return new View(f.buffer(), view.shape(), view.perm());
  }

  View newBuffer(String valueName, int[] logicalShape, int[] perm, DType type, QuantParams quant) {
    int index = graph.outputs().indexOf(valueName);
    boolean output = index >= 0 && type == DType.FLOAT32 && quant == null;
    Integer quantizedIndex = quantizedOutputs.get(valueName);
    if (!output && quantizedIndex != null && quant != null
        && Layouts.isNoOpPermutation(Layouts.permute(logicalShape, perm), perm)) {
      quantizedOutputs.remove(valueName); // one buffer per output; a second writer gets the arena
      output = true;
      index = quantizedIndex;
    }
    Buffer b = addBuffer(valueName, type, Layouts.product(logicalShape), quant,
        output ? Buffer.Kind.OUTPUT : Buffer.Kind.ARENA, output ? index : -1);
    return new View(b, Layouts.permute(logicalShape, perm), perm);
  }

  private Buffer addBuffer(String name, DType type, int elements, QuantParams quant, Buffer.Kind kind,
      int ioIndex) {
    Buffer b = new Buffer(buffers.size(), name, type, elements, quant, kind, ioIndex);
    buffers.add(b);
    return b;
  }

  /** See {@link LowerContext#fusedOutput()}. */
  FusedOutput fusedOutput(Node node) {
    List<Node> chain = new ArrayList<>();
    String value = node.output(0);
    float lo = Float.NEGATIVE_INFINITY;
    float hi = Float.POSITIVE_INFINITY;
    while (true) {
      List<Node> users = graph.consumers(value);
      if (users.size() != 1 || graph.outputs().contains(value)) {
        return null;
      }
      Node next = users.get(0);
      chain.add(next);
      switch (next.opType()) {
        case "Relu" -> lo = Math.max(lo, 0f);
        case "Clip" -> {
          float[] bounds = ClipBounds.of(next, values);
          if (bounds == null) {
            return null;
          }
          lo = Math.max(lo, bounds[0]);
          hi = Math.min(hi, bounds[1]);
        }
        case "QuantizeLinear" -> {
          QuantParams q = QuantizeParams.of(next, values);
          if (q == null) {
            return null;
          }
          ActivationRange range = ActivationRange.clip(lo, hi, q.scale(), q.zeroPoint(), q.type());
          return new FusedOutput(q, range, chain, next.output(0), next.input(0));
        }
        default -> {
          return null;
        }
      }
      value = next.output(0);
    }
  }

  /** Constant inputs of a node, for helpers that read scales and bounds. */
  static Tensor constantInput(Node node, int i, Map<String, LoweredValue> values) {
    if (!node.hasInput(i)) {
      return null;
    }
    return values.get(node.input(i)) instanceof LoweredValue.Constant c ? c.value() : null;
  }
}
