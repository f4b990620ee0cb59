package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tenax compile says when make flash's default board cannot hold the build, and stays quiet when it can. */
class HardwareBoardNoteTest {
  @TempDir
  Path tmp;

  @Test
  void compileNotesTheBoardThatCannotHoldTheBuild() {
    String vww = SharedData.require("models/mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx").toString();
    CliTest.Run big = tenax("compile", vww, "--target", "cortex-m4", "--no-build", "-o", tmp.resolve("f").toString());
    assertEquals(0, big.code(), big.err());
    assertTrue(big.err().contains("note: make flash links for nucleo-f446re by default")
        && big.err().contains("--io=quantized"), big.err());
    CliTest.Run small = tenax("compile", vww, "--target", "cortex-m4", "--io=quantized", "--no-build", "-o",
        tmp.resolve("q").toString());
    assertEquals(0, small.code(), small.err());
    assertFalse(small.err().contains("make flash"), small.err());
  }
}
