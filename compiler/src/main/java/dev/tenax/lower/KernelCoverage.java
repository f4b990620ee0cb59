package dev.tenax.lower;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ops.Operator;
import dev.tenax.ops.OperatorRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators Tenax evaluates but has no kernel for, whatever their operands (their class does
 * not override {@link Operator#lower}: LSTM, Abs, ...). A graph that still holds one after the
 * standard passes cannot compile, so tenax compile says so before it calibrates, and with a hint
 * that fits: quantizing such a node would not help.
 */
public final class KernelCoverage {
  private KernelCoverage() {}

  /** Whether the operator's class lowers itself to kernel calls for some operands. */
  public static boolean hasKernels(Operator op) {
    try {
      return op.getClass().getMethod("lower", LowerContext.class).getDeclaringClass() != Operator.class;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** TX080 for a node whose operator has no kernel at all. */
  static Diagnostic noKernel(Node node) {
    return Diagnostic.at(node, Code.TX080, node.opType() + " has no kernel in Tenax, for any operand types: "
        + "tenax exec evaluates it, tenax compile cannot (docs/operators.md lists the operators that compile)",
        "replace " + node.opType() + " in the model by operators that compile, or move it out of the model "
            + "(before its inputs or after its outputs)");
  }

  /** Refuses {@code graph} (after the standard passes) when a node's operator has no kernel at all. */
  public static void require(Graph graph, OperatorRegistry registry) throws ModelRejectedException {
    List<Diagnostic> problems = new ArrayList<>();
    for (Node n : graph.nodes()) {
      registry.lookup(n.domain(), n.opType()).filter(op -> !hasKernels(op))
          .ifPresent(op -> problems.add(noKernel(n)));
    }
    if (!problems.isEmpty()) {
      throw new ModelRejectedException(problems);
    }
  }
}
