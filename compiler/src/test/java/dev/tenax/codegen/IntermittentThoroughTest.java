package dev.tenax.codegen;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The long power-failure runs, in the thorough profile ({@code mvn -B test -Pthorough}): a
 * thousand seeded random failure points per shared model on Cortex-M under QEMU (in runs of 30
 * to 100, each with its own seed), every run ending with the Java integer evaluator's bits. The
 * quick default suite runs a few dozen points per model. On cortex-m4, a failure before each tile's
 * first store to each arena and output word of the tiny CNN (one run each), and the same on the
 * host. On MSP430 (mspdebug sim), the full sweep of
 * failures before every NVM write of a small CNN, 300 random MCLK-cycle points on it and a thousand
 * on an MNIST CNN.
 */
@Tag("thorough")
class IntermittentThoroughTest {
  // the MNIST CNN runs ~1.5M instructions: 100 points in one run leave gaps shorter than a tile
  @ParameterizedTest(name = "{0} on {1}, tiles of {2} MACs, {3} runs of {4} failures")
  @CsvSource({"burn-mnist-cnn, cortex-m33, 2000, 34, 30", "mlperf-tiny-kws-dscnn-int8-qdq, cortex-m4, 4000, 10, 100",
      "mlperf-tiny-ic-resnet8-int8-qdq, cortex-m7, 8000, 10, 100"})
  void aThousandRandomFailuresLeaveTheOutputsBitExact(String folder, String target, long tileWork, int runs,
      int points, @TempDir Path dir) throws Exception {
    List<String> schedules = IntStream.rangeClosed(1, runs).mapToObj(seed -> "random:" + points + ":" + seed)
        .toList();
    CortexMIntermittentTest.runOnSchedules(folder, target, tileWork, schedules, dir);
  }

  /** MSP430 under mspdebug sim: the power failing before every NVM write of the tiny CNN, one run each. */
  @org.junit.jupiter.api.Test
  void aFailureBeforeEveryNvmWriteOnMsp430LeavesTheOutputsBitExact(@TempDir Path dir) throws Exception {
    Msp430PowerFailureTest.sweepEveryNvmWrite(dir);
  }

  /** Cortex-M under QEMU: the power failing before every first store of the tiny CNN (FirstWriteSweep), one run each. */
  @org.junit.jupiter.api.Test
  void aFailureBeforeEveryFirstStoreOnCortexMLeavesTheOutputsBitExact(@TempDir Path dir) throws Exception {
    CortexMFirstWriteTest.sweepEveryWord(dir);
  }

  /** Host: the power failing before every first store of the tiny CNN (power_main.c watches them), one run each. */
  @org.junit.jupiter.api.Test
  void aFailureBeforeEveryFirstStoreOnTheHostLeavesTheOutputsBitExact(@TempDir Path dir) throws Exception {
    HostFirstWriteTest.sweepEveryWord(dir);
  }

  /** MSP430 under mspdebug sim: the power failing before every first store of the tiny CNN (Msp430FirstWrites), one run each. */
  @org.junit.jupiter.api.Test
  void aFailureBeforeEveryFirstStoreOnMsp430LeavesTheOutputsBitExact(@TempDir Path dir) throws Exception {
    Msp430FirstWriteTest.sweepEveryWord(dir);
  }

  /**
   * MSP430: a thousand seeded random MCLK-cycle points (100 runs of 10) on the MNIST CNN of
   * 14x14 inputs (about 1M cycles an inference), tiles of 3,000 MACs in their groups.
   */
  @org.junit.jupiter.api.Test
  void aThousandRandomCyclePointsOnAnMnistCnnOnMsp430LeaveTheOutputsBitExact(@TempDir Path dir) throws Exception {
    long failures = Msp430PowerFailureTest.manyRandomPointsOnSharedModel("mnist-14x14-cnn-atmega", 3000, 100, 10, dir);
    org.junit.jupiter.api.Assertions.assertTrue(failures >= 900, failures + " failures in 1,000 points");
  }

  /** MSP430: 30 runs of 10 seeded random MCLK-cycle points each. */
  @org.junit.jupiter.api.Test
  void randomCyclePointsOnMsp430LeaveTheOutputsBitExact(@TempDir Path dir) throws Exception {
    Msp430PowerFailureTest.manyRandomPoints(dir, 30, 10);
  }
}
