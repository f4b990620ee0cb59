package dev.tenax.bench;

import java.util.Locale;

/** docs/benchmarks.md: the benchmark's measurements as markdown tables. */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  public static String markdown(Benchmark.Report r, String command) {
    StringBuilder sb = new StringBuilder();
    Benchmark.Options o = r.options();
    sb.append("# Benchmarks\n\n");
    sb.append("Produced by `").append(command).append("` (rewrite this file with that command; do not edit "
        + "it by hand).\n\n");
    sb.append("## MNIST accuracy: float versus compiled int8\n\n");
    sb.append(String.format(Locale.ROOT, "Calibration on MNIST test images %d..%d (the project's calibration "
        + "split is 0..7999), evaluation on images %d..%d (the evaluation split, never used for "
        + "calibration). Float top-1 is the float model run by the Java reference evaluator; int8 "
        + "top-1 is the compiled C on the host. The pixel mapping of each model is the one under which "
        + "the float model is most accurate on calibration images. SQNR is over all evaluation images; "
        + "\"C = Java\" counts images on which the compiled C differs from the Java integer evaluator in "
        + "any output bit (must be 0). Goal: int8 within 0.5 points of float. The 16x8 columns compile "
        + "the same model in the 16-bit activation mode (same calibration) and evaluate it the same way.%n%n",
        o.calib().start(), o.calib().end() - 1, o.eval().start(), o.eval().end() - 1));
    sb.append("| model | input | images | float top-1 % | int8 top-1 % | difference (points) | agreement % "
        + "| min layer SQNR dB | last layer SQNR dB | C = Java mismatches | 16x8 top-1 % | 16x8 min layer SQNR dB "
        + "| 16x8 C = Java mismatches |\n");
    sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Benchmark.AccuracyRow a : r.accuracy()) {
      Evaluation.Result e = a.result();
      double min = minSqnr(e);
      double last = e.layers().isEmpty() ? Double.NaN : e.layers().get(e.layers().size() - 1).sqnrDb();
      Evaluation.Result w = a.result16();
      String wide = w == null ? "| - | - | - |" : String.format(Locale.ROOT, "| %.2f | %.1f | %d |",
          100 * w.quantizedTop1(), minSqnr(w), w.mismatches());
      sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %+.2f | %.2f | %.1f | %.1f | %d %s%n",
          a.folder(), a.preprocessing(), e.samples(), 100 * e.floatTop1(), 100 * e.quantizedTop1(),
          100 * (e.quantizedTop1() - e.floatTop1()), 100 * e.agreement(), min, last, e.mismatches(), wide));
    }
    sb.append("\n## Memory and cost per model\n\n");
    sb.append("QDQ models are compiled with their own scales; float models are quantized first (MNIST models "
        + "as above, the others on random calibration inputs: the ranges do not change these columns). "
        + "Arena: peak bytes of the planned activation arena and the lower bound (the most bytes live at "
        + "any one step), and with every call that can running in place (`--in-place=smallest`: row tiles "
        + "that write over the input rows they no longer need; calls: the kernel calls that takes); constant data: weights, biases and requantization tables; fallback: nodes "
        + "computed by float32 kernels. Compile: import, calibration, quantization, lowering, planning "
        + "and code generation; build: the C compiler (make, host gcc).\n\n");
    sb.append("| model | quantization | arena B | lower bound B | in place B (calls) | constant data B | MACs "
        + "| kernel calls | float fallback nodes | compile s | C build s |\n");
    sb.append("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
    StringBuilder notes = new StringBuilder();
    for (Benchmark.ModelRow m : r.models()) {
      if (m.error() != null) {
        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | | | | | | | | |%n", m.folder(), m.quantization(),
            m.error().replace("|", "\\|")));
        continue;
      }
      sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d (%d) | %d | %d | %d | %s | %.2f | %.2f |%n",
          m.folder(), m.quantization(), m.arenaBytes(), m.lowerBound(), m.inPlaceArenaBytes(), m.inPlaceCalls(),
          m.weightBytes(), m.macs(),
          m.kernelCalls(), m.floatNodes().isEmpty() ? "none" : m.floatNodes().size() + ": "
              + String.join(", ", m.floatNodes()).replace("|", "\\|"), m.compileSeconds(), m.buildSeconds()));
      if (!m.liveAtPeak().isEmpty()) {
        notes.append("- ").append(m.folder()).append(": ").append(m.arenaBytes() - m.lowerBound())
            .append(" bytes above the lower bound; live at the peak: ").append(String.join(", ", m.liveAtPeak()))
            .append('\n');
      }
    }
    if (notes.length() > 0) {
      sb.append("\nModels whose arena is above the lower bound, and the buffers live at the peak step:\n\n")
          .append(notes);
    }
    return sb.toString();
  }

  private static double minSqnr(Evaluation.Result e) {
    return e.layers().stream().mapToDouble(LayerSqnr::sqnrDb).filter(d -> !Double.isNaN(d)).min()
        .orElse(Double.NaN);
  }
}
