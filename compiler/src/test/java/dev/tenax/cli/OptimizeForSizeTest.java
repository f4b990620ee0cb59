package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenax compile --optimize=size}: the project compiles with -Os -DTX_SMALL_CODE (Makefile,
 * CMakeLists.txt, README), its model code is smaller than the default -O2 build's, and it still gives the Java
 * evaluator's bytes, within the stack the link reserves.
 */
class OptimizeForSizeTest {
  @TempDir
  Path tmp;

  @Test
  void sizeBuildIsSmallerAndGivesTheSameBytes() throws Exception {
    dev.tenax.codegen.CortexMRunTest.requireToolchain();
    Path example = tmp.resolve("ex");
    Path model = CliTest.quantizedExample(example);
    Path speed = tmp.resolve("speed");
    Path size = tmp.resolve("size");
    CliTest.Run s = tenax("compile", model.toString(), "--target", "cortex-m3", "-o", speed.toString());
    assertEquals(0, s.code(), s.err());
    CliTest.Run c = tenax("compile", model.toString(), "--target", "cortex-m3", "--optimize=size", "-o",
        size.toString());
    assertEquals(0, c.code(), c.err());

    String makefile = Files.readString(size.resolve("Makefile"));
    assertTrue(makefile.contains("\nCFLAGS ?= -Os -DTX_SMALL_CODE\n"), makefile);
    assertTrue(Files.readString(speed.resolve("Makefile")).contains("\nCFLAGS ?= -O2\n"));
    String cmake = Files.readString(size.resolve("CMakeLists.txt"));
    assertTrue(cmake.contains("PRIVATE -Os)") && cmake.contains("PRIVATE TX_SMALL_CODE)"), cmake);
    assertFalse(Files.readString(speed.resolve("CMakeLists.txt")).contains("-Os"));
    assertTrue(Files.readString(size.resolve("README.md")).contains("compiled with `-Os -DTX_SMALL_CODE`"));

    Path input = example.resolve("input.npy");
    CliTest.Run run = tenax("run", size.toString(), "--input", input.toString(), "-o", tmp.resolve("out").toString());
    assertEquals(0, run.code(), run.err());
    CliTest.Run java = tenax("exec", model.toString(), "--quantized", "--input", input.toString(), "-o",
        tmp.resolve("java").toString());
    assertEquals(0, java.code(), java.err());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("java/probabilities.npy")),
        Files.readAllBytes(tmp.resolve("out/probabilities.npy")));

    CliTest.Run small = tenax("bench", "--json", size.toString());
    assertEquals(0, small.code(), small.err());
    CliTest.Run fast = tenax("bench", "--json", speed.toString());
    assertEquals(0, fast.code(), fast.err());
    long smallCode = number(small.out(), "model_code_bytes");
    long fastCode = number(fast.out(), "model_code_bytes");
    assertTrue(smallCode < fastCode, "-Os model code " + smallCode + " bytes, -O2 " + fastCode);
    Matcher reserve = Pattern.compile("\nSTACK_SIZE \\?= (\\d+)\n").matcher(makefile);
    assertTrue(reserve.find(), makefile);
    long used = number(small.out(), "stack_used_bytes");
    assertTrue(used > 0 && used <= Long.parseLong(reserve.group(1)),
        "stack used " + used + " of the " + reserve.group(1) + " reserved");
  }

  @Test
  void optimizeTakesSpeedOrSizeAndNotForMsp430() {
    Path example = tmp.resolve("ex");
    assertEquals(0, tenax("example", "tiny-cnn", "-o", example.toString()).code());
    String model = example.resolve("model.onnx").toString();
    String calib = example.resolve("calibration.npy").toString();
    CliTest.Run bad = tenax("compile", model, "--calib", calib, "--optimize=fast", "-o", tmp.resolve("x").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--optimize fast: use speed (-O2, the default) or size (-Os"), bad.err());
    CliTest.Run msp = tenax("compile", model, "--calib", calib, "--target", "msp430fr5994", "--optimize=size", "-o",
        tmp.resolve("y").toString());
    assertEquals(2, msp.code());
    assertTrue(msp.err().contains("-Oz"), msp.err());
    assertFalse(Files.exists(tmp.resolve("x")) || Files.exists(tmp.resolve("y")));
  }

  private static long number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\": ?(\\d+)").matcher(json);
    assertTrue(m.find(), key + " in " + json);
    return Long.parseLong(m.group(1));
  }
}
