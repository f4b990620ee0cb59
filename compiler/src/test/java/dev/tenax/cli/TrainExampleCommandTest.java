package dev.tenax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenax train-example}: the sine example end to end, and its usage errors. */
class TrainExampleCommandTest {
  @Test
  void trainsTheSineExample(@TempDir Path tmp) {
    CliTest.Run r = CliTest.tenax("train-example", "sine", "-o", tmp.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("mean absolute error vs sin") && r.out().contains("int8"), r.out());
    assertTrue(r.err().contains("epoch 300/300"), r.err());
    for (String f : new String[] {"model.onnx", "training.txt", "samples/calibration.npy", "samples/x-0.npy",
        "samples/x-0.expected.npy"}) {
      assertTrue(Files.isRegularFile(tmp.resolve(f)), f);
    }
  }

  @Test
  void anUnknownExampleNamesTheAvailableOnes(@TempDir Path tmp) {
    CliTest.Run r = CliTest.tenax("train-example", "cifar", "-o", tmp.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("unknown example 'cifar'; available: mnist, sine"), r.err());
  }

  @Test
  void mnistDataGivenToTheSineExampleIsRefused(@TempDir Path tmp) {
    CliTest.Run r = CliTest.tenax("train-example", "sine", "--mnist", tmp.toString(), "-o", tmp.resolve("o").toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("--mnist is for the mnist example"), r.err());
    assertTrue(Files.notExists(tmp.resolve("o")));
  }

  @Test
  void epochsMustBePositive(@TempDir Path tmp) {
    CliTest.Run r = CliTest.tenax("train-example", "sine", "--epochs", "0", "-o", tmp.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("--epochs must be at least 1"), r.err());
  }
}
