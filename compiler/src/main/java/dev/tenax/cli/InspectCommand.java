package dev.tenax.cli;

import dev.tenax.diag.ModelRejectedException;
import dev.tenax.ir.Graph;
import dev.tenax.ir.IrPrinter;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.report.ModelSummary;
import dev.tenax.report.QuantizedExecution;
import dev.tenax.report.SummaryRenderer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tenax inspect}: what is in a model and what it costs. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show a model's inputs, outputs, and one row per node (output shape, parameters, MACs), "
        + "or every problem that keeps Tenax from compiling it.")
final class InspectCommand implements Callable<Integer> {
  @Mixin
  ModelOptions modelOptions;

  @Option(names = "--json", description = "Print the summary (or the diagnostics) as JSON.")
  boolean json;

  @Option(names = "--ir", description = "Print the IR text instead of the table.")
  boolean ir;

  @Option(names = "--optimized", description = "Run the graph passes first (constant folding, BatchNorm "
      + "folding, activation marking, ...).")
  boolean optimized;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Graph g;
    try {
      g = modelOptions.load();
    } catch (ModelRejectedException e) {
      String name = modelOptions.model.toString();
      if (json) {
        out.print(SummaryRenderer.json(name, e.diagnostics(), e.partial()));
      } else if (e.partial() != null) {
        out.print(SummaryRenderer.partialText(name, e.partial(), e.diagnostics()));
      }
      out.flush();
      throw e;
    }
    if (optimized) {
      g = Pipeline.standard().run(g);
    }
    if (ir) {
      out.print(IrPrinter.print(g));
    } else {
      ModelSummary s = ModelSummary.of(g, OperatorRegistry.standard());
      String name = modelOptions.model.toString();
      QuantizedExecution q = QuantizedExecution.applies(g) ? QuantizedExecution.of(g) : null;
      out.print(json ? SummaryRenderer.json(name, s, q) : SummaryRenderer.text(name, s, q));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
