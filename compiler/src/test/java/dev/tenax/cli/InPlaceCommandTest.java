package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenax compile --in-place}: DS-CNN KWS fits cortex-m0's 16 KB of SRAM only with calls run
 * in place, which the default (auto) does by itself and says so; cortex-m4 has room, so its build
 * stays plain; bad values are usage errors.
 */
class InPlaceCommandTest {
  @TempDir
  Path tmp;

  private static String kws() {
    return SharedData.require("models/mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx").toString();
  }

  @Test
  void autoRunsCallsInPlaceOnlyWhereTheModelWouldNotFitOtherwise() {
    CliTest.Run m0 = tenax("compile", kws(), "--target", "cortex-m0", "--no-build", "-o", tmp.resolve("m0").toString());
    assertEquals(0, m0.code(), m0.err());
    assertTrue(m0.out().contains("in place: ") && m0.out().contains("the arena would take 16000 bytes without"),
        m0.out());
    // as far as it needs: fewer tiles and a larger arena than the smallest (8,960 bytes)
    assertTrue(m0.out().contains("arena 10240 bytes"), m0.out());
    CliTest.Run off = tenax("compile", kws(), "--target", "cortex-m0", "--in-place=off", "--no-build", "-o",
        tmp.resolve("off").toString());
    assertNotEquals(0, off.code());
    assertTrue(off.err().contains("TX090") && off.err().contains("16,000 of arena"), off.err());
    assertFalse(Files.exists(tmp.resolve("off")));
    CliTest.Run m4 = tenax("compile", kws(), "--target", "cortex-m4", "--no-build", "-o", tmp.resolve("m4").toString());
    assertEquals(0, m4.code(), m4.err());
    assertFalse(m4.out().contains("row tiles that write over"), m4.out());
    assertTrue(m4.out().contains("in place: --in-place=smallest would make the arena 8960 bytes (80 more kernel "
        + "calls)"), "the summary says how small the arena can go: " + m4.out());
    assertTrue(m4.out().contains("arena 16000 bytes"), m4.out());
    CliTest.Run small = tenax("compile", kws(), "--target", "cortex-m4", "--in-place=smallest", "--no-build", "-o",
        tmp.resolve("small").toString());
    assertEquals(0, small.code(), small.err());
    assertTrue(small.out().contains("arena 8960 bytes"), small.out());
  }

  @Test
  void badValuesAreUsageErrors() {
    CliTest.Run bad = tenax("compile", kws(), "--in-place=always", "--no-build", "-o", tmp.resolve("x").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--in-place always: use auto"), bad.err());
    CliTest.Run intermittent = tenax("compile", kws(), "--intermittent", "--in-place=smallest", "--no-build", "-o",
        tmp.resolve("y").toString());
    assertEquals(2, intermittent.code());
    assertTrue(intermittent.err().contains("--in-place=smallest is for continuous builds"), intermittent.err());
    assertFalse(Files.exists(tmp.resolve("x")) || Files.exists(tmp.resolve("y")));
  }
}
