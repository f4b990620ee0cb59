package dev.tenax.cli;

import dev.tenax.diag.UsageException;
import dev.tenax.examples.mnist.MnistExample;
import dev.tenax.examples.mnist.MnistTraining;
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
    description = "Train the bundled MNIST example from scratch (a few minutes on two cores) and write "
        + "model.onnx, samples/ and training.txt to DIR; the same command gives the same bytes. "
        + "The committed examples/mnist was made by: tenax train-example mnist --mnist ../shared/datasets/mnist "
        + "-o examples/mnist")
final class TrainExampleCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "Example to train; available: mnist")
  String name;

  @Option(names = "--mnist", paramLabel = "DIR", description = "Folder with t10k-images-idx3-ubyte.gz and "
      + "t10k-labels-idx1-ubyte.gz (default: ${DEFAULT-VALUE}).")
  Path mnist = Path.of("../shared/datasets/mnist");

  @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training images (default: ${DEFAULT-VALUE}).")
  int epochs = MnistTraining.Settings.defaults().epochs();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Where to write it.")
  Path out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!name.equals("mnist")) {
      throw new UsageException("unknown example '" + name + "'; available: mnist");
    }
    if (epochs < 1) {
      throw new UsageException("--epochs must be at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    MnistTraining.Settings d = MnistTraining.Settings.defaults();
    MnistTraining.Settings s = new MnistTraining.Settings(d.seed(), epochs, d.batch(), d.learningRate(),
        d.trainStart(), d.trainEnd(), d.testStart(), d.testEnd());
    err.println("reading MNIST from " + mnist);
    MnistTraining.Digits data = MnistExample.readTestSet(mnist);
    double accuracy = MnistExample.write(data, s, out, Version.current(), err);
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%.2f%% top-1 on held-out images %d..%d)%n",
        out.resolve("model.onnx"), 100 * accuracy, s.testStart(), s.testEnd() - 1);
    return ExitCodes.OK;
  }
}
