package dev.tenax.lower;

import dev.tenax.diag.Code;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.lower.LoweredValue.Activation;
import dev.tenax.lower.LoweredValue.QuantizedConstant;
import dev.tenax.lower.steps.TransposeS16Step;
import dev.tenax.lower.steps.TransposeS8Step;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.OpException;
import dev.tenax.quant.ActivationRange;

/**
 * What an operator's {@code lower} sees: its node, what each input became, and the means to
 * allocate buffers, emit kernel calls and define its outputs.
 */
public final class LowerContext {
  private final Lowering lowering;
  private final Graph graph;
  private final Node node;
  private final Attrs attrs;

  LowerContext(Lowering lowering, Graph graph, Node node) {
    this.lowering = lowering;
    this.graph = graph;
    this.node = node;
    this.attrs = new Attrs(node);
  }

  public Node node() {
    return node;
  }

  public Attrs attrs() {
    return attrs;
  }

  public boolean has(int i) {
    return node.hasInput(i);
  }

  public TensorType inputType(int i) {
    return graph.type(node.input(i));
  }

  public TensorType outputType(int i) {
    return graph.type(node.output(i));
  }

  public LoweredValue input(int i) {
    return has(i) ? lowering.value(node.input(i)) : null;
  }

  /** Input {@code i} as a run-time tensor, or null when it is a constant or absent. */
  public Activation activation(int i) {
    return input(i) instanceof Activation a ? a : null;
  }

  /** Input {@code i} as an int8 run-time tensor, or null. */
  public Activation quantizedActivation(int i) {
    Activation a = activation(i);
    return a != null && a.quantized() && a.view().buffer().dtype() == DType.INT8 ? a : null;
  }

  /** Input {@code i} as an int16 run-time tensor (the 16x8 mode), or null. */
  public Activation int16Activation(int i) {
    Activation a = activation(i);
    return a != null && a.quantized() && a.view().buffer().dtype() == DType.INT16 ? a : null;
  }

  /** Input {@code i} as an int8 or int16 run-time tensor, or null. */
  public Activation integerActivation(int i) {
    Activation a = quantizedActivation(i);
    return a != null ? a : int16Activation(i);
  }

  /** Input {@code i} as the DequantizeLinear of an integer constant, or null. */
  public QuantizedConstant quantizedConstant(int i) {
    return input(i) instanceof QuantizedConstant q ? q : null;
  }

  /** What this node's inputs became, by value name (for helpers that read constant operands). */
  java.util.Map<String, LoweredValue> valuesOfInputs() {
    java.util.Map<String, LoweredValue> m = new java.util.HashMap<>();
    for (int i = 0; i < node.inputs().size(); i++) {
      if (has(i)) {
        m.put(node.input(i), input(i));
      }
    }
    return m;
  }

  /** Input {@code i} as a plain constant, or null. */
  public Tensor constant(int i) {
    return input(i) instanceof LoweredValue.Constant c ? c.value() : null;
  }

  /**
   * The QuantizeLinear (through Relu and Clip) that consumes output 0 alone, or null when the
   * output is used in float or by several nodes.
   */
  public FusedOutput fusedOutput() {
    return lowering.fusedOutput(node);
  }

  /** Defines output {@code i} of this node. */
  public void define(int i, LoweredValue value) {
    lowering.define(node.output(i), value);
  }

  /** Lets a kernel define the QuantizeLinear's value and skips the nodes it absorbed. */
  public void absorb(FusedOutput fused, View out) {
    lowering.absorb(fused, new Activation(out));
  }

  /**
   * A new buffer for the result of this node, stored with {@code perm}: the caller's output
   * tensor when output {@code outputIndex} is a float32 graph output, the arena otherwise.
   */
  public View newBuffer(int outputIndex, int[] logicalShape, int[] perm, DType type, QuantParams quant) {
    return lowering.newBuffer(node.output(outputIndex), logicalShape, perm, type, quant);
  }

  /** A new integer arena buffer for a kernel that writes the quantized result of {@code fused}. */
  public View newBuffer(FusedOutput fused, int[] logicalShape, int[] perm) {
    return lowering.newBuffer(fused.floatValue(), logicalShape, perm, fused.quant().type(), fused.quant());
  }

  public void emit(Step step) {
    lowering.emit(step);
  }

  /** Marks this node as computed in float32 (reported as a fallback island). */
  public void markFloat() {
    lowering.markFloat(node);
  }

  /** The view with its data in layout {@code perm}, adding a transpose when the data must move. */
  public View inLayout(View view, int[] perm) {
    int[] logical = view.logicalShape();
    View target = new View(view.buffer(), Layouts.permute(logical, perm), perm);
    if (java.util.Arrays.equals(view.perm(), perm) || (view.inLogicalOrder()
        && Layouts.isNoOpPermutation(target.shape(), perm))) {
      return target;
    }
    if (view.buffer().dtype() == DType.FLOAT32) {
      throw new OpException(Code.TX080, "a float32 tensor would need a transpose here, and there is "
          + "no float32 transpose kernel", "Quantize this part of the model.");
    }
    // physical target axis k holds logical axis perm[k], which sits at physical source axis
    // inv(view.perm)[perm[k]]
    int[] inv = Layouts.inverse(view.perm());
    int[] move = new int[perm.length];
    for (int k = 0; k < perm.length; k++) {
      move[k] = inv[perm[k]];
    }
    View out = lowering.newBuffer(view.buffer().name() + "/relayout", logical, perm,
        view.buffer().dtype(), view.buffer().quant());
    if (view.buffer().dtype() == DType.INT16) {
      TransposeS16Step t = TransposeS16Step.of(node.name(), move, view, out);
      if (t == null) {
        throw new OpException(Code.TX080, "this int16 relayout does not reduce to a 3-axis transpose",
            "Use the int8 mode for this model.");
      }
      emit(t);
      return out;
    }
    TransposePlan plan = TransposePlan.of(view.shape(), move);
    if (plan.rank() > 4) {
      throw new OpException(Code.TX080, "this relayout moves " + plan.rank() + " independent axes; "
          + "the transpose kernel takes at most 4", "Simplify the model's reshapes and transposes.");
    }
    emit(new TransposeS8Step(node.name(), plan, view, out));
    return out;
  }

  /** The view in logical row-major order (for reshapes, fully-connected layers, outputs). */
  public View inLogicalOrder(View view) {
    return view.inLogicalOrder() ? View.of(view.buffer(), view.logicalShape())
        : inLayout(view, Layouts.identity(view.rank()));
  }

  /** Input {@code i} as float32, dequantizing an int8 tensor first (once per buffer). */
  public View floatInput(int i) {
    Activation a = activation(i);
    if (a == null) {
      return null;
    }
    if (!a.quantized()) {
      return a.view();
    }
    return lowering.dequantized(a.view(), node.name());
  }

  /** The float32 dequantization of an int8 view (emitted once per buffer). */
  public View dequantized(View view) {
    return lowering.dequantized(view, node.name());
  }

  /** A clear unsupported-quantization problem. */
  public OpException unsupportedQuantization(String message) {
    return new OpException(Code.TX081, message, Code.TX081.defaultHint());
  }

  /** True when {@code fused} clamps nothing beyond its own type's range. */
  public static boolean noClamp(FusedOutput fused) {
    return fused.range().equals(ActivationRange.none(fused.quant().type()));
  }

}
