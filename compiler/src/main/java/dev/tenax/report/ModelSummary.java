package dev.tenax.report;

import dev.tenax.ir.Graph;
import dev.tenax.ir.Node;
import dev.tenax.ir.TensorType;
import dev.tenax.ir.Value;
import dev.tenax.ops.Operator;
import dev.tenax.ops.OperatorRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What {@code tenax inspect} shows: inputs, outputs, one row per node, and totals. */
public record ModelSummary(List<Value> inputs, List<Value> outputs, List<NodeRow> nodes, long parameters,
    long parameterBytes, long macs) {

  public static ModelSummary of(Graph g, OperatorRegistry registry) {
    List<Value> inputs = new ArrayList<>();
    g.inputs().forEach(n -> inputs.add(g.value(n)));
    List<Value> outputs = new ArrayList<>();
    g.outputs().forEach(n -> outputs.add(g.value(n)));
    List<NodeRow> rows = new ArrayList<>();
    Set<String> counted = new HashSet<>();
    long params = 0;
    long bytes = 0;
    long macs = 0;
    for (Node n : g.nodes()) {
      long p = 0;
      List<TensorType> in = new ArrayList<>();
      for (String i : n.inputs()) {
        if (i.isEmpty()) {
          in.add(null);
          continue;
        }
        Value v = g.value(i);
        in.add(v.type());
        if (v.isConstant()) {
          p += v.type().size();
          if (counted.add(i)) {
            params += v.type().size();
            bytes += v.type().bytes();
          }
        }
      }
      List<TensorType> out = new ArrayList<>();
      for (String o : n.outputs()) {
        out.add(o.isEmpty() ? null : g.type(o));
      }
      Operator op = registry.lookup(n.domain(), n.opType()).orElseThrow();
      long m = op.macs(in, out, n);
      macs += m;
      List<String> notes = new ArrayList<>();
      n.annotations().forEach((k, v) -> notes.add(k + "=" + v));
      rows.add(new NodeRow(n.name(), n.opType(), out.stream().filter(t -> t != null).toList(), p, m, notes));
    }
    return new ModelSummary(inputs, outputs, rows, params, bytes, macs);
  }
}
