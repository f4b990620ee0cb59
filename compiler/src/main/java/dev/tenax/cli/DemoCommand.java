package dev.tenax.cli;

import dev.tenax.diag.UsageException;
import dev.tenax.io.Npy;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tenax demo}: the bundled MNIST example, quantized, compiled for a Cortex-M4 and an
 * MSP430FR5994 as intermittent builds, and run digit by digit from a harvesting trace through a
 * capacitor, with the predictions next to the labels and the energy report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "The quick tour: checks the toolchains (installing missing ones with apt-get when run as "
        + "root), quantizes the bundled MNIST example (examples/mnist), compiles it for cortex-m4 and msp430fr5994 as "
        + "intermittent builds, runs a few digits on each, powered by an energy-harvesting trace through a "
        + "capacitor (power failures included), and prints the predicted digits next to the true labels, the energy "
        + "report and the voltage plots. Every step prints the tenax command it runs; full outputs go to DIR/logs.")
final class DemoCommand implements Callable<Integer> {
  /** One demo target: the capacitor its tiles are sized for and why that size. */
  record DemoTarget(String name, DemoToolchains.Family family, String capacitor, String why) {}

  static final List<DemoTarget> TARGETS = List.of(
      new DemoTarget("cortex-m4", DemoToolchains.Family.CORTEX_M, "47uF",
          "a charge holds about a third of an inference, so the power fails a few times per digit "
              + "where the harvester gives less than the core draws"),
      new DemoTarget("msp430fr5994", DemoToolchains.Family.MSP430, "330uF",
          "the smallest tile of its second convolution needs about 113 uF, and 330 uF leaves the "
              + "power failing a few times per digit on the RF trace"));

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the demo writes its builds, outputs, "
      + "plots and logs (default: ${DEFAULT-VALUE}).")
  Path outDir = Path.of("build/demo");

  @Option(names = "--digits", paramLabel = "D,D,...", split = ",", description = "Which of the sample digits "
      + "(examples/mnist/samples/digit-D.npy, drawn by our code) to classify (default: 7,2,4).")
  List<Integer> digits = List.of(7, 2, 4);

  @Option(names = "--trace", paramLabel = "FILE", description = "The harvesting trace (default: the RF recording "
      + "../shared/energy-traces/mspsim-rf/1.txt beside the checkout, else the synthetic traces/square-5mW-1s.csv).")
  Path trace;

  @Option(names = "--targets", paramLabel = "T,T", split = ",", description = "Targets to run, of cortex-m4 and "
      + "msp430fr5994 (default: both).")
  List<String> targets = List.of("cortex-m4", "msp430fr5994");

  @Option(names = "--no-install", description = "Do not install missing toolchains, only say how.")
  boolean noInstall;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    dev.tenax.io.OutputDirectory.requireDirectory(outDir, "-o");
    Path home = home();
    Path example = home.resolve("examples/mnist");
    if (!Files.isRegularFile(example.resolve("model.onnx"))) {
      throw new UsageException("the demo needs the bundled example " + example.resolve("model.onnx")
          + "; run it from a Tenax checkout (./tenax demo)");
    }
    List<DemoTarget> chosen = chosenTargets();
    for (int d : digits) {
      if (!Files.isRegularFile(sample(example, d))) {
        throw new UsageException("no sample digit " + d + ": examples/mnist/samples has digit-0.npy .. digit-9.npy");
      }
    }
    Path traceFile = traceFile(home, out);
    DemoSteps steps = new DemoSteps(outDir.resolve("logs"), out, home.resolve("tenax"));
    out.println("Tenax demo: a digit classifier we trained (examples/mnist, 243k multiply-accumulates per digit)");
    out.println("on two batteryless microcontrollers, simulated, powered by " + steps.shown(traceFile)
        + (traceFile.endsWith(Path.of("mspsim-rf", "1.txt"))
            ? " (a 25 s recording of the voltage an RFID tag harvested from a reader's field)." : "."));
    out.println("No battery: a capacitor charges from that trace; when it runs down the power fails, and the firmware");
    out.println("resumes from its last progress commit in non-volatile memory when the capacitor has charged again.");
    out.println();

    out.println("1. Toolchains");
    List<DemoTarget> runnable = toolchains(chosen, out);
    out.println();

    out.println("2. Quantize the float model to int8, calibrated on the 10 sample digits");
    Path int8 = outDir.resolve("mnist.int8.onnx");
    if (!steps.tenax("quantize", List.of("quantize", steps.shown(example.resolve("model.onnx")), "--calib",
        steps.shown(example.resolve("samples")) + "/digit-?.npy", "-o", steps.shown(int8))).ok()) {
      return ExitCodes.INTERNAL;
    }
    Map<Integer, Tensor> reference = new LinkedHashMap<>();
    for (int d : digits) {
      Path o = outDir.resolve("java/digit-" + d);
      if (!steps.tenax("exec-" + d, List.of("exec", steps.shown(int8), "--quantized", "--input",
          steps.shown(sample(example, d)), "-o", steps.shown(o))).ok()) {
        return ExitCodes.INTERNAL;
      }
      reference.put(d, read(o.resolve("probabilities.npy")));
    }
    out.println("  the Java integer evaluator (the specification every build matches bit for bit) answers "
        + predictions(reference));
    out.println();

    Map<String, Map<Integer, Tensor>> answers = new LinkedHashMap<>();
    Map<String, String> reports = new LinkedHashMap<>();
    int step = 3;
    for (DemoTarget t : runnable) {
      out.println(step++ + ". " + t.name() + ": compile as an intermittent build with tiles sized to " + t.capacitor()
          + " (" + t.why() + "), then run the digits from the trace");
      Path build = outDir.resolve(t.name());
      DemoSteps.Result c = steps.tenax("compile-" + t.name(), List.of("compile", steps.shown(int8), "--target", t.name(),
          "--intermittent", "--capacitor", t.capacitor(), "-o", steps.shown(build)));
      if (!c.ok()) {
        return c.exitCode();
      }
      c.stdout().lines().filter(l -> l.startsWith("intermittent:") || l.startsWith("estimated:"))
          .forEach(l -> out.println("  " + l));
      List<String> sim = new ArrayList<>(List.of("simulate", steps.shown(build), "--trace", steps.shown(traceFile),
          "--cap", t.capacitor(), "--inferences", String.valueOf(digits.size()), "--plot",
          steps.shown(outDir.resolve(t.name() + "-voltage.svg")), "-o", steps.shown(outDir.resolve(t.name() + "-out"))));
      for (int d : digits) {
        sim.add("--input");
        sim.add("image=" + steps.shown(sample(example, d)));
      }
      DemoSteps.Result s = steps.tenax("simulate-" + t.name(), sim);
      if (!s.ok()) {
        return s.exitCode();
      }
      Map<Integer, Tensor> got = new LinkedHashMap<>();
      for (int k = 0; k < digits.size(); k++) {
        got.put(digits.get(k), read(outDir.resolve(t.name() + "-out/inference-" + k + "/probabilities.npy")));
      }
      answers.put(t.name(), got);
      reports.put(t.name(), s.stdout());
      out.println();
    }

    out.println(step + ". Results");
    boolean allSame = printTable(out, reference, answers);
    for (Map.Entry<String, String> r : reports.entrySet()) {
      out.println();
      out.println("Energy report, " + r.getKey() + " (tenax simulate):");
      r.getValue().lines().forEach(l -> out.println("  " + l));
    }
    out.println();
    for (DemoTarget t : runnable) {
      out.println("voltage plot, " + t.name() + ": " + steps.shown(outDir.resolve(t.name() + "-voltage.svg")));
    }
    out.println("logs of every command: " + steps.shown(outDir.resolve("logs")));
    if (runnable.size() < chosen.size()) {
      out.println("Skipped targets whose toolchains are missing (see step 1); `./tenax doctor` lists every tool.");
    }
    out.println("Next: examples/mnist/README.md (accuracy, flashing a board) and docs/README.md (the guide).");
    out.flush();
    if (!allSame) {
      spec.commandLine().getErr().println("error: a firmware's outputs differ from the Java integer evaluator's");
      return ExitCodes.INTERNAL;
    }
    return ExitCodes.OK;
  }

  /** The checkout: set by the ./tenax launcher, else the working directory. */
  static Path home() {
    String h = System.getProperty("tenax.home");
    return (h != null ? Path.of(h) : Path.of("")).toAbsolutePath().normalize();
  }

  private List<DemoTarget> chosenTargets() throws UsageException {
    List<DemoTarget> chosen = new ArrayList<>();
    for (String name : targets) {
      chosen.add(TARGETS.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
          new UsageException("the demo runs on cortex-m4 and msp430fr5994, not '" + name + "'; for other targets use "
              + "tenax compile --target (tenax compile --help lists them)")));
    }
    return chosen;
  }

  private Path traceFile(Path home, PrintWriter out) throws UsageException {
    if (trace != null) {
      if (!Files.isRegularFile(trace)) {
        throw new UsageException("no trace file " + trace);
      }
      return trace;
    }
    Path real = home.resolveSibling("shared").resolve("energy-traces/mspsim-rf/1.txt");
    if (Files.isRegularFile(real)) {
      return real;
    }
    out.println("(the recorded traces in ../shared are not here: using the synthetic traces/square-5mW-1s.csv)");
    return home.resolve("traces/square-5mW-1s.csv");
  }

  /** The targets whose toolchains are present, after installing missing ones when allowed. */
  private List<DemoTarget> toolchains(List<DemoTarget> chosen, PrintWriter out) throws InterruptedException {
    List<String> missing = new ArrayList<>();
    for (DemoTarget t : chosen) {
      for (String c : DemoToolchains.missing(t.family())) {
        if (!missing.contains(c)) {
          missing.add(c);
        }
      }
    }
    if (missing.isEmpty()) {
      out.println("  everything needed is installed (./tenax doctor lists versions)");
      return chosen;
    }
    out.println("  missing: " + String.join(", ", missing));
    DemoToolchains.install(DemoToolchains.packages(missing), !noInstall, out);
    List<DemoTarget> runnable = new ArrayList<>();
    for (DemoTarget t : chosen) {
      List<String> still = DemoToolchains.missing(t.family());
      if (still.isEmpty()) {
        runnable.add(t);
      } else {
        out.println("  skipping " + t.name() + ": " + t.family().what + " needs " + String.join(", ", still));
      }
    }
    return runnable;
  }

  /** Prints digit, label, each answer and its confidence; returns whether every build equals the Java evaluator. */
  private static boolean printTable(PrintWriter out, Map<Integer, Tensor> spec, Map<String, Map<Integer, Tensor>> answers) {
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-14s %-6s %-18s", "sample", "label",
        "Java evaluator"));
    for (String t : answers.keySet()) {
      head.append(String.format(Locale.ROOT, " %-18s", t));
    }
    out.println(head);
    boolean allSame = true;
    for (Map.Entry<Integer, Tensor> e : spec.entrySet()) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-14s %-6d %-18s", "digit-" + e.getKey()
          + ".npy", e.getKey(), answer(e.getValue())));
      for (Map<Integer, Tensor> a : answers.values()) {
        Tensor t = a.get(e.getKey());
        boolean same = Arrays.equals(t.floats(), e.getValue().floats());
        allSame &= same;
        row.append(String.format(Locale.ROOT, " %-18s", answer(t) + (same ? "" : " DIFFERS")));
      }
      out.println(row);
    }
    out.println(allSame ? "  every firmware's outputs are bit-identical to the Java evaluator's, despite the power failures"
        : "  SOME OUTPUTS DIFFER from the Java evaluator's: please report this");
    return allSame;
  }

  /** "7 (99%)": the most probable digit and its probability. */
  static String answer(Tensor probabilities) {
    int best = 0;
    for (int i = 1; i < probabilities.size(); i++) {
      if (probabilities.getDouble(i) > probabilities.getDouble(best)) {
        best = i;
      }
    }
    return String.format(Locale.ROOT, "%d (%.0f%%)", best, 100 * probabilities.getDouble(best));
  }

  private static String predictions(Map<Integer, Tensor> spec) {
    List<String> s = new ArrayList<>();
    spec.forEach((d, t) -> s.add("digit-" + d + " -> " + answer(t)));
    return String.join(", ", s);
  }

  private static Path sample(Path example, int d) {
    return example.resolve("samples/digit-" + d + ".npy");
  }

  private static Tensor read(Path npy) throws IOException {
    return Npy.read(Files.readAllBytes(npy));
  }
}
