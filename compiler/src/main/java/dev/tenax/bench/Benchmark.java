package dev.tenax.bench;

import dev.tenax.calib.CalibrationData;
import dev.tenax.calib.IdxFile;
import dev.tenax.calib.Preprocessing;
import dev.tenax.calib.RangeCollector;
import dev.tenax.calib.SampleRange;
import dev.tenax.codegen.EmitOptions;
import dev.tenax.codegen.Identifiers;
import dev.tenax.codegen.ModelCompiler;
import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.diag.UsageException;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.hostrun.CompiledModel;
import dev.tenax.hostrun.HostBuild;
import dev.tenax.ir.Graph;
import dev.tenax.lower.Buffer;
import dev.tenax.lower.Program;
import dev.tenax.passes.Pipeline;
import dev.tenax.quantizer.QuantMode;
import dev.tenax.quantizer.QuantizeDefaults;
import dev.tenax.quantizer.Quantizer;
import dev.tenax.quantizer.RandomSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The numbers docs/benchmarks.md reports: MNIST accuracy of float versus compiled int8, and for
 * every shared model the arena, constant data, MACs, kernel calls, float fallbacks and compile
 * time. Projects are compiled into a scratch folder that is deleted afterwards.
 */
public final class Benchmark {
  /**
   * What to run.
   *
   * @param calib MNIST calibration images (the project's calibration split is 0..7999)
   * @param eval MNIST evaluation images (the evaluation split is 8000..9999)
   * @param randomCalibCount samples of random calibration for non-MNIST float models; their
   *     ranges do not change the memory and cost columns
   * @param models which model folders to include
   */
  public record Options(Path shared, SampleRange calib, SampleRange eval, int randomCalibCount,
      Predicate<String> models) {
    public static Options defaults(Path shared) {
      return new Options(shared, new SampleRange(0, 500), new SampleRange(8000, 10000), 32, f -> true);
    }
  }

  /**
   * How a model was quantized, and what its compiled form costs; {@code error} set when it failed.
   * {@code inPlaceArenaBytes}: the arena with every call that can run in place doing so
   * ({@code --in-place=smallest}), {@code inPlaceCalls} the kernel calls that takes.
   */
  public record ModelRow(String folder, String quantization, long arenaBytes, long lowerBound,
      List<String> liveAtPeak, long weightBytes, long macs, int kernelCalls, List<String> floatNodes,
      double compileSeconds, double buildSeconds, String error, long inPlaceArenaBytes, int inPlaceCalls) {}

  /**
   * One MNIST model's accuracy in int8, and in 16x8 ({@code result16}, null when that mode did
   * not compile).
   */
  public record AccuracyRow(String folder, String preprocessing, Evaluation.Result result,
      Evaluation.Result result16) {}

  public record Report(Options options, List<AccuracyRow> accuracy, List<ModelRow> models) {}

  private record Compiled(ModelRow row, Path dir, Program program) {}

  private Benchmark() {}

  public static Report run(Options o, PrintWriter progress)
      throws IOException, UsageException, ModelRejectedException {
    Path models = o.shared().resolve("models");
    Path mnist = o.shared().resolve("datasets/mnist");
    if (!Files.isDirectory(models)) {
      throw new UsageException(models + " does not exist; pass --shared DIR, the folder that holds models/ "
          + "and datasets/");
    }
    Path scratch = Files.createTempDirectory("tenax-benchmark");
    try {
      Map<String, Compiled> compiled = new HashMap<>();
      List<AccuracyRow> accuracy = new ArrayList<>();
      for (MnistModels.Model m : MnistModels.MODELS) {
        if (!o.models().test(m.folder())) {
          continue;
        }
        progress.println("[accuracy] " + m.folder());
        progress.flush();
        Path file = models.resolve(m.folder()).resolve(m.file());
        Graph g = Pipeline.standard().run(load(file, entry(m.folder())));
        int[] calibLabels = IdxFile.readLabels(mnist.resolve("t10k-labels-idx1-ubyte.gz"), o.calib());
        // 100 images are plenty to tell 0..1 from 0..255 from normalized inputs.
        SampleRange choice = new SampleRange(o.calib().start(), o.calib().start() + Math.min(100, calibLabels.length));
        String preName = MnistModels.choosePreprocessing(mnist, m, g, choice,
            java.util.Arrays.copyOf(calibLabels, choice.end() - choice.start()));
        Preprocessing pre = MnistModels.PREPROCESSINGS.get(preName);
        long start = System.nanoTime();
        CalibrationData cal = MnistModels.images(mnist, m, g, o.calib(), pre);
        Compiled c = compile(m.folder(), g, file, List.of(cal), "MNIST " + o.calib().start() + ".."
            + (o.calib().end() - 1) + ", " + preName, start, scratch, progress, QuantMode.INT8);
        compiled.put(m.folder(), c);
        if (c.row().error() != null) {
          continue;
        }
        CalibrationData eval = MnistModels.images(mnist, m, g, o.eval(), pre);
        int[] labels = IdxFile.readLabels(mnist.resolve("t10k-labels-idx1-ubyte.gz"), o.eval());
        Evaluation.Result r;
        try (CompiledModel cm = CompiledModel.open(c.dir())) {
          r = Evaluation.run(g, c.program(), cm, eval, labels, bar(progress, "  evaluating"));
        }
        progress.println("  16x8 mode");
        Compiled c16 = compile(m.folder() + "-16x8", g, file,
            List.of(MnistModels.images(mnist, m, g, o.calib(), pre)), "16x8", System.nanoTime(), scratch,
            progress, QuantMode.INT16X8);
        Evaluation.Result r16 = null;
        if (c16.row().error() == null) {
          try (CompiledModel cm = CompiledModel.open(c16.dir())) {
            r16 = Evaluation.run(g, c16.program(), cm, MnistModels.images(mnist, m, g, o.eval(), pre), labels,
                bar(progress, "  evaluating"));
          }
        }
        accuracy.add(new AccuracyRow(m.folder(), preName, r, r16));
      }
      List<ModelRow> rows = new ArrayList<>();
      List<Path> folders;
      try (Stream<Path> s = Files.list(models)) {
        folders = s.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList();
      }
      for (Path folder : folders) {
        String name = folder.getFileName().toString();
        if (!o.models().test(name)) {
          continue;
        }
        if (compiled.containsKey(name)) {
          rows.add(compiled.get(name).row());
          continue;
        }
        BenchModels.Entry e = entry(name);
        if (e == null) {
          progress.println("[skip] " + name + ": no .onnx file known for it");
          continue;
        }
        progress.println("[compile] " + name);
        progress.flush();
        long start = System.nanoTime();
        Path file = folder.resolve(e.file());
        Compiled c;
        try {
          Graph g = Pipeline.standard().run(load(file, e));
          boolean qdq = g.nodes().stream().anyMatch(n -> n.opType().equals("QuantizeLinear"));
          List<CalibrationData> data = new ArrayList<>();
          if (!qdq) {
            for (String in : g.inputs()) {
              data.add(CalibrationData.of(new RandomSource(g.type(in).shape(), o.randomCalibCount()), in,
                  g.type(in), SampleRange.ALL, Preprocessing.IDENTITY));
            }
          }
          c = compile(name, g, file, qdq ? null : data, qdq ? "QDQ as shipped"
              : "random, " + o.randomCalibCount() + " samples", start, scratch, progress, QuantMode.INT8);
        } catch (ModelRejectedException ex) {
          c = new Compiled(failed(name, "", ex), null, null);
        } catch (RuntimeException ex) {
          progress.println("  internal error: " + ex);
          c = new Compiled(new ModelRow(name, "", 0, 0, List.of(), 0, 0, 0, List.of(), 0, 0,
              "internal error: " + firstLine(String.valueOf(ex.getMessage())), 0, 0), null, null);
        }
        rows.add(c.row());
      }
      return new Report(o, accuracy, rows);
    } finally {
      deleteTree(scratch);
    }
  }

  private static BenchModels.Entry entry(String folder) {
    return BenchModels.ALL.stream().filter(e -> e.folder().equals(folder)).findFirst().orElse(null);
  }

  private static Graph load(Path file, BenchModels.Entry e) throws UsageException, ModelRejectedException {
    return ModelImporter.load(file, e == null ? dev.tenax.frontend.ImportOptions.defaults() : e.importOptions());
  }

  /** Quantizes (when {@code data} is not null), lowers, plans, emits and builds one model. */
  private static Compiled compile(String folder, Graph g, Path file, List<CalibrationData> data, String how,
      long start, Path scratch, PrintWriter progress, QuantMode mode) throws IOException, UsageException {
    try {
      Graph q = g;
      if (data != null) {
        RangeCollector rc = RangeCollector.collect(g, data, (done, total) -> bar(progress, "  calibrating")
            .update(done, total));
        q = Pipeline.standard().run(Quantizer.quantize(g, rc.ranges(QuantizeDefaults.METHOD), mode).graph());
      }
      String name = Identifiers.sanitize(folder.replace('-', '_'));
      Path dir = scratch.resolve(folder);
      ModelCompiler.Result r = ModelCompiler.compile(q, new EmitOptions(name, "host", null,
          "benchmark", file.getFileName().toString(), "0"), dir);
      double compileSeconds = (System.nanoTime() - start) / 1e9;
      long buildStart = System.nanoTime();
      HostBuild.build(dir, name);
      double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
      var arena = r.plan().arena();
      List<String> live = new ArrayList<>();
      if (arena.arenaBytes() != arena.lowerBound()) {
        Map<String, Buffer> byKey = new LinkedHashMap<>();
        for (Buffer b : r.program().buffers()) {
          byKey.put("b" + b.id(), b);
        }
        for (String k : arena.liveAtPeak()) {
          Buffer b = byKey.get(k);
          live.add(b == null ? k : b.name() + " (" + b.bytes() + " B)");
        }
      }
      var smallest = r.inPlaceSearch().smallest();
      ModelRow row = new ModelRow(folder, how, arena.arenaBytes(), arena.lowerBound(), live,
          r.view().weightBytes(), r.view().macs(), r.program().steps().size(), r.program().floatNodes(),
          compileSeconds, buildSeconds, null, smallest.plan().arena().arenaBytes(), smallest.program().steps().size());
      return new Compiled(row, dir, r.program());
    } catch (ModelRejectedException ex) {
      return new Compiled(failed(folder, how, ex), null, null);
    } catch (HostBuild.BuildException ex) {
      return new Compiled(new ModelRow(folder, how, 0, 0, List.of(), 0, 0, 0, List.of(), 0, 0,
          "C build failed: " + firstLine(ex.getMessage()), 0, 0), null, null);
    } catch (RuntimeException ex) {
      // A compiler bug on one model must not hide the numbers of the others; the row says what broke.
      progress.println("  internal error: " + ex);
      return new Compiled(new ModelRow(folder, how, 0, 0, List.of(), 0, 0, 0, List.of(), 0, 0,
          "internal error: " + firstLine(String.valueOf(ex.getMessage())), 0, 0), null, null);
    }
  }

  private static ModelRow failed(String folder, String how, ModelRejectedException ex) {
    List<Diagnostic> d = ex.diagnostics();
    String msg = d.isEmpty() ? "rejected" : "rejected: " + firstLine(d.get(0).format())
        + (d.size() > 1 ? " (+" + (d.size() - 1) + " more)" : "");
    return new ModelRow(folder, how, 0, 0, List.of(), 0, 0, 0, List.of(), 0, 0, msg, 0, 0);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** A progress bar, e.g. {@code evaluating [=====     ] 512/2000} ({@link dev.tenax.report.ProgressLine}). */
  public static Evaluation.Progress bar(PrintWriter err, String label) {
    dev.tenax.report.ProgressLine line = dev.tenax.report.ProgressLine.onStderr(err);
    return (done, total) -> {
      if (done != total && done % Math.max(1, total / 50) != 0) {
        return;
      }
      int width = 30;
      int filled = total == 0 ? width : (int) ((long) done * width / total);
      line.show(label + " [" + "=".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total,
          total == 0 ? 1 : done / (double) total);
      if (done == total) {
        line.end();
      }
    };
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
