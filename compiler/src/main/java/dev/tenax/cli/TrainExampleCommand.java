package dev.tenax.cli;

import dev.tenax.diag.UsageException;
import dev.tenax.examples.mnist.MnistExample;
import dev.tenax.examples.mnist.MnistTraining;
import dev.tenax.examples.sine.SineData;
import dev.tenax.examples.sine.SineExample;
import dev.tenax.examples.sine.SineTraining;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tenax train-example}: retrains a bundled example from scratch, reproducibly. */
@Command(name = "train-example", mixinStandardHelpOptions = true,
    description = "Train a bundled example from scratch and write model.onnx, samples/ and training.txt to DIR; "
        + "the same command gives the same bytes. mnist: a CNN on MNIST images (about a minute on two cores); "
        + "sine: an MLP learning sin(x) from synthetic data (a few seconds). The committed examples were made by: "
        + "tenax train-example mnist --mnist ../shared/datasets/mnist -o examples/mnist, and "
        + "tenax train-example sine -o examples/sine")
final class TrainExampleCommand implements Callable<Integer> {
  private static final String AVAILABLE = "mnist, sine";

  @Parameters(index = "0", paramLabel = "NAME", description = "Example to train; available: " + AVAILABLE)
  String name;

  @Option(names = "--mnist", paramLabel = "DIR", description = "mnist only: folder with t10k-images-idx3-ubyte.gz "
      + "and t10k-labels-idx1-ubyte.gz (default: ${DEFAULT-VALUE}).")
  Path mnist = Path.of("../shared/datasets/mnist");

  @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data (default: "
      + MnistTraining.Settings.EPOCHS + " for mnist, " + SineTraining.Settings.EPOCHS + " for sine, the committed "
      + "examples' values).")
  Integer epochs;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Where to write it.")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    dev.tenax.io.OutputDirectory.requireDirectory(out, "-o");
    if (epochs != null && epochs < 1) {
      throw new UsageException("--epochs must be at least 1");
    }
    switch (name) {
      case "mnist" -> mnist();
      case "sine" -> sine();
      default -> throw new UsageException("unknown example '" + name + "'; available: " + AVAILABLE);
    }
    return ExitCodes.OK;
  }

  private void mnist() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    MnistTraining.Settings d = MnistTraining.Settings.defaults();
    MnistTraining.Settings s = new MnistTraining.Settings(d.seed(), epochs != null ? epochs : d.epochs(), d.batch(),
        d.learningRate(), d.trainStart(), d.trainEnd(), d.testStart(), d.testEnd());
    err.println("reading MNIST from " + mnist);
    MnistTraining.Digits data = MnistExample.readTestSet(mnist);
    double accuracy = MnistExample.write(data, s, out, Version.current(), err);
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%.2f%% top-1 on held-out images %d..%d)%n",
        out.resolve("model.onnx"), 100 * accuracy, s.testStart(), s.testEnd() - 1);
  }

  private void sine() throws Exception {
    if (spec.commandLine().getParseResult().hasMatchedOption("--mnist")) {
      throw new UsageException("--mnist is for the mnist example; sine trains on synthetic data it makes itself");
    }
    SineTraining.Settings d = SineTraining.Settings.defaults();
    SineTraining.Settings s = new SineTraining.Settings(d.seed(), d.samples(), d.noise(),
        epochs != null ? epochs : d.epochs(), d.batch(), d.learningRate());
    SineExample.Accuracy acc = SineExample.write(s, out, Version.current(), spec.commandLine().getErr());
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (mean absolute error vs sin on a %d-point held-out"
        + " grid: %.4f float, %.4f int8)%n", out.resolve("model.onnx"), SineData.GRID, acc.floatError(),
        acc.int8Error());
  }
}
