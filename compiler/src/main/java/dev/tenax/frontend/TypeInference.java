package dev.tenax.frontend;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import dev.tenax.ops.OperatorRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders nodes topologically and infers the type of every value, asking each node's
 * {@link Operator}. Values computable at compile time (from initializers and static shapes)
 * are tracked so that shape operands such as Reshape's are known. Every problem becomes a
 * diagnostic; a node whose inputs already failed is skipped, so each root cause is reported
 * once.
 */
public final class TypeInference {
  /** Values whose inputs are all known are evaluated during inference up to this many elements. */
  private static final int MAX_FOLD_ELEMENTS = 1 << 20;

  /**
   * Sorted nodes, every value with its type, the problems found, and the values known at
   * compile time (constants and what follows from them; the constant folding pass uses it).
   */
  public record Result(List<Node> nodes, Map<String, Value> values, List<Diagnostic> diagnostics,
      Map<String, Tensor> known) {}

  private TypeInference() {}

  /**
   * @param nodes nodes in any order
   * @param initial graph inputs (typed) and constants (with data)
   */
  public static Result run(List<Node> nodes, Map<String, Value> initial, OperatorRegistry registry) {
    return run(nodes, initial, Set.of(), registry);
  }

  /**
   * Like {@link #run(List, Map, OperatorRegistry)}; {@code unresolved} names graph inputs whose
   * type could not be established (already reported): their readers are skipped silently.
   */
  public static Result run(List<Node> nodes, Map<String, Value> initial, Set<String> unresolved,
      OperatorRegistry registry) {
    List<Diagnostic> diags = new ArrayList<>();
    Set<String> available = new HashSet<>(initial.keySet());
    available.addAll(unresolved);
    List<Node> sorted = sort(nodes, available, diags);
    Map<String, Value> values = new LinkedHashMap<>(initial);
    Map<String, Tensor> known = new HashMap<>();
    for (Value v : initial.values()) {
      if (v.isConstant()) {
        known.put(v.name(), v.constant());
      }
    }
    for (Node node : sorted) {
      // Unsupported operators are reported even downstream of another problem: the user
      // should learn about every operator to replace in one run.
      Operator op = lookup(node, registry, diags);
      boolean upstreamFailed = node.inputs().stream().anyMatch(i -> !i.isEmpty() && !values.containsKey(i));
      if (op != null && !upstreamFailed) {
        // A node that fails leaves its outputs untyped, so its readers are skipped in turn.
        inferNode(node, op, values, known, diags);
      }
    }
    return new Result(sorted, values, diags, known);
  }

  /** The node's operator, or null after reporting why there is none. */
  private static Operator lookup(Node node, OperatorRegistry registry, List<Diagnostic> diags) {
    Operator op = registry.lookup(node.domain(), node.opType()).orElse(null);
    if (op == null) {
      String domain = node.domain().isEmpty() ? "ai.onnx" : node.domain();
      diags.add(Diagnostic.at(node, Code.TX010, "operator " + node.opType() + " (domain " + domain
          + ", opset " + node.opset() + ") is not supported by Tenax", null));
      return null;
    }
    if (node.opset() < op.minOpset()) {
      diags.add(Diagnostic.at(node, Code.TX011, node.opType() + " is implemented from opset "
          + op.minOpset() + "; the model imports opset " + node.opset(),
          "re-export the model with opset " + op.minOpset() + " or newer"));
      return null;
    }
    return op;
  }

  private static void inferNode(Node node, Operator op, Map<String, Value> values,
      Map<String, Tensor> known, List<Diagnostic> diags) {
    List<TensorType> inTypes = new ArrayList<>();
    List<Tensor> inKnown = new ArrayList<>();
    boolean allKnown = true;
    long knownElements = 0;
    for (String in : node.inputs()) {
      if (in.isEmpty()) {
        inTypes.add(null);
        inKnown.add(null);
        continue;
      }
      inTypes.add(values.get(in).type());
      Tensor k = known.get(in);
      inKnown.add(k);
      allKnown &= k != null;
      knownElements += k == null ? 0 : k.size();
    }
    OpContext ctx = new OpContext(node, inTypes, inKnown);
    List<TensorType> outTypes;
    try {
      outTypes = op.inferTypes(ctx);
      if (outTypes.size() != node.outputs().size()) {
        throw new IllegalStateException(node.opType() + " inferred " + outTypes.size()
            + " output types for " + node.outputs().size() + " outputs");
      }
    } catch (OpException e) {
      diags.add(Diagnostic.at(node, e.code(), e.getMessage(), e.hint()));
      return;
    } catch (IllegalArgumentException | ArithmeticException e) {
      diags.add(Diagnostic.at(node, Code.TX050, String.valueOf(e.getMessage()), null));
      return;
    } catch (RuntimeException e) {
      diags.add(Diagnostic.at(node, Code.TX070, "type inference failed: " + e, null));
      return;
    }
    List<Tensor> outKnown = ctx.knownOutputs();
    if (allKnown && outKnown.stream().allMatch(t -> t == null) && knownElements <= MAX_FOLD_ELEMENTS
        && outTypes.stream().mapToLong(TensorType::size).sum() <= MAX_FOLD_ELEMENTS) {
      try {
        outKnown = op.evaluate(new EvalContext(node, inKnown, outTypes));
      } catch (RuntimeException e) {
        diags.add(Diagnostic.at(node, Code.TX070, "evaluating constant inputs failed: " + e, null));
        return;
      }
    }
    for (int i = 0; i < node.outputs().size(); i++) {
      String out = node.output(i);
      if (out.isEmpty()) {
        continue;
      }
      values.put(out, Value.of(out, outTypes.get(i)));
      if (i < outKnown.size() && outKnown.get(i) != null) {
        known.put(out, outKnown.get(i));
      }
    }
  }

  /** Kahn's algorithm, keeping the file order among ready nodes. */
  static List<Node> sort(List<Node> nodes, Set<String> available, List<Diagnostic> diags) {
    Map<String, Node> producer = new HashMap<>();
    for (Node n : nodes) {
      for (String o : n.outputs()) {
        if (o.isEmpty()) {
          continue;
        }
        if (available.contains(o) || producer.containsKey(o)) {
          diags.add(Diagnostic.at(n, Code.TX060, "value '" + o + "' is produced more than once", null));
        } else {
          producer.put(o, n);
        }
      }
    }
    List<Node> sorted = new ArrayList<>();
    Set<String> ready = new HashSet<>(available);
    List<Node> pending = new ArrayList<>(nodes);
    for (Node n : nodes) {
      for (String in : n.inputs()) {
        if (!in.isEmpty() && !available.contains(in) && !producer.containsKey(in)) {
          diags.add(Diagnostic.at(n, Code.TX060, "input '" + in
              + "' is not a graph input, initializer or output of any node", null));
        }
      }
    }
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (int i = 0; i < pending.size(); i++) {
        Node n = pending.get(i);
        boolean canRun = n.inputs().stream().allMatch(in -> in.isEmpty() || ready.contains(in)
            || !producer.containsKey(in));
        if (canRun) {
          sorted.add(n);
          ready.addAll(n.outputs());
          pending.remove(i);
          i--;
          progress = true;
        }
      }
    }
    for (Node n : pending) {
      diags.add(Diagnostic.at(n, Code.TX060, "node is part of a cycle", null));
    }
    return sorted;
  }
}
