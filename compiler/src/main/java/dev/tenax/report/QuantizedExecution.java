package dev.tenax.report;

import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.ir.Graph;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a quantized (QDQ) model would run once compiled: how many kernel calls, which nodes fall
 * back to float32 kernels, or what keeps it from compiling. {@code tenax inspect} shows it.
 */
public record QuantizedExecution(int kernelCalls, int floatCalls, List<String> floatNodes,
    List<Diagnostic> problems) {

  /** True when {@code g} holds QuantizeLinear nodes, i.e. is a QDQ model. */
  public static boolean applies(Graph g) {
    return g.nodes().stream().anyMatch(n -> n.opType().equals("QuantizeLinear"));
  }

  /** Lowers {@code g} (after the standard passes) and summarizes the result. */
  public static QuantizedExecution of(Graph g) {
    try {
      Program p = Lowering.lower(Pipeline.standard().run(g), OperatorRegistry.standard());
      int floats = 0;
      for (Step s : p.steps()) {
        if (s.kernel().endsWith("_f32") && !s.kernel().startsWith("tx_quantize")
            && !s.kernel().startsWith("tx_dequantize")) {
          floats++;
        }
      }
      return new QuantizedExecution(p.steps().size(), floats, p.floatNodes(), List.of());
    } catch (ModelRejectedException e) {
      return new QuantizedExecution(0, 0, List.of(), e.diagnostics());
    }
  }

  String text() {
    StringBuilder sb = new StringBuilder("\nquantized execution: ");
    if (!problems.isEmpty()) {
      sb.append("cannot be compiled yet:\n");
      for (Diagnostic d : problems) {
        sb.append("  ").append(d.format().replace("\n", "\n  ")).append('\n');
      }
      return sb.toString();
    }
    sb.append(kernelCalls).append(" kernel calls, ");
    sb.append(floatNodes.isEmpty() ? "every node on integer kernels\n"
        : "float32 fallback for " + floatNodes.size() + " node(s): " + String.join(", ", floatNodes) + "\n");
    return sb.toString();
  }

  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kernel_calls", kernelCalls);
    m.put("float_fallback_nodes", new ArrayList<>(floatNodes));
    List<Object> d = new ArrayList<>();
    for (Diagnostic x : problems) {
      d.add(Map.of("code", x.code().name(), "node", String.valueOf(x.nodeName()), "message", x.message()));
    }
    m.put("problems", d);
    return m;
  }
}
