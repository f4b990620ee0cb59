package dev.tenax.report;

import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.PartialModel;
import dev.tenax.ir.Node;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link ModelSummary} (or the diagnostics of a rejected model) as text or JSON. */
public final class SummaryRenderer {
  private SummaryRenderer() {}

  public static String text(String model, ModelSummary s) {
    StringBuilder sb = new StringBuilder();
    sb.append("model ").append(model).append('\n');
    for (Value v : s.inputs()) {
      sb.append("input  ").append(v.name()).append(": ").append(v.type()).append('\n');
    }
    for (Value v : s.outputs()) {
      sb.append("output ").append(v.name()).append(": ").append(v.type()).append('\n');
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"node", "op", "output shape", "params", "MACs", "notes"});
    for (NodeRow r : s.nodes()) {
      rows.add(new String[] {r.name(), r.opType(),
          r.outputs().stream().map(TensorType::toString).collect(Collectors.joining(" ")),
          Long.toString(r.parameters()), Long.toString(r.macs()), String.join(" ", r.annotations())});
    }
    int[] width = new int[6];
    for (String[] r : rows) {
      for (int i = 0; i < 6; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    sb.append('\n');
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        boolean numeric = i == 3 || i == 4;
        String cell = numeric ? " ".repeat(width[i] - r[i].length()) + r[i]
            : r[i] + " ".repeat(width[i] - r[i].length());
        line.append(cell).append(i < 5 ? "  " : "");
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    sb.append(String.format("%ntotal: %d nodes, %d parameters (%d bytes), %d MACs%n",
        s.nodes().size(), s.parameters(), s.parameterBytes(), s.macs()));
    return sb.toString();
  }

  public static String json(String model, ModelSummary s) {
    return json(model, s, null);
  }

  /** The text summary with, for a QDQ model, how it would run once compiled. */
  public static String text(String model, ModelSummary s, QuantizedExecution q) {
    return text(model, s) + (q == null ? "" : q.text());
  }

  /** The JSON summary with, for a QDQ model, a "quantized_execution" object. */
  public static String json(String model, ModelSummary s, QuantizedExecution q) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", model);
    root.put("inputs", s.inputs().stream().map(SummaryRenderer::value).toList());
    root.put("outputs", s.outputs().stream().map(SummaryRenderer::value).toList());
    List<Object> nodes = new ArrayList<>();
    for (NodeRow r : s.nodes()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("name", r.name());
      n.put("op", r.opType());
      n.put("outputs", r.outputs().stream().map(SummaryRenderer::type).toList());
      n.put("parameters", r.parameters());
      n.put("macs", r.macs());
      n.put("annotations", r.annotations());
      nodes.add(n);
    }
    root.put("nodes", nodes);
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("nodes", s.nodes().size());
    totals.put("parameters", s.parameters());
    totals.put("parameter_bytes", s.parameterBytes());
    totals.put("macs", s.macs());
    root.put("totals", totals);
    if (q != null) {
      root.put("quantized_execution", q.json());
    }
    root.put("diagnostics", List.of());
    return Json.write(root);
  }

  /**
   * Text for a rejected model: what was understood of it, one row per node with its output
   * shapes ("?" where a problem upstream left them unknown) and the codes of its problems.
   */
  public static String partialText(String model, PartialModel p, List<Diagnostic> diagnostics) {
    StringBuilder sb = new StringBuilder("model ").append(model).append(" (rejected)\n");
    for (String in : p.inputs()) {
      sb.append("input  ").append(in).append(": ").append(typeOrUnknown(p, in)).append('\n');
    }
    for (String out : p.outputs()) {
      sb.append("output ").append(out).append(": ").append(typeOrUnknown(p, out)).append('\n');
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"node", "op", "output shape", "problems"});
    for (Node n : p.nodes()) {
      rows.add(new String[] {n.name(), n.opType(),
          n.outputs().stream().filter(o -> !o.isEmpty()).map(o -> typeOrUnknown(p, o))
              .collect(Collectors.joining(" ")), problems(n.name(), diagnostics)});
    }
    int[] width = new int[4];
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    sb.append('\n');
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        line.append(r[i]).append(" ".repeat(width[i] - r[i].length())).append("  ");
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private static String typeOrUnknown(PartialModel p, String value) {
    TensorType t = p.types().get(value);
    return t == null ? "?" : t.toString();
  }

  private static String problems(String node, List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(d -> d.nodeName().equals(node)).map(d -> d.code().name()).distinct()
        .collect(Collectors.joining(" "));
  }

  /** JSON for a model that was rejected: the diagnostics, and the nodes when the file was readable. */
  public static String json(String model, List<Diagnostic> diagnostics, PartialModel partial) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", model);
    if (partial != null) {
      List<Object> nodes = new ArrayList<>();
      for (Node n : partial.nodes()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("op", n.opType());
        m.put("outputs", n.outputs().stream().filter(o -> !o.isEmpty())
            .map(o -> partial.types().containsKey(o) ? (Object) type(partial.types().get(o)) : null).toList());
        nodes.add(m);
      }
      root.put("nodes", nodes);
    }
    root.put("diagnostics", diagnostics.stream().map(d -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", d.code().name());
      m.put("node", d.nodeName());
      m.put("op", d.opType());
      m.put("opset", d.opset());
      m.put("message", d.message());
      m.put("hint", d.hint());
      return m;
    }).toList());
    return Json.write(root);
  }

  private static Map<String, Object> value(Value v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", v.name());
    m.putAll(type(v.type()));
    return m;
  }

  private static Map<String, Object> type(TensorType t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dtype", t.dtype().toString());
    List<Integer> dims = new ArrayList<>();
    for (int d : t.shape()) {
      dims.add(d);
    }
    m.put("shape", dims);
    return m;
  }
}
