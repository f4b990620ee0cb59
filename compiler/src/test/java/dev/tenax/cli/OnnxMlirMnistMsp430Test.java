package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * onnx-mlir-mnist on the msp430fr5994, as a user compiles it: the link, not the estimate, decides
 * the optimization level. Continuous, the firmware links at -Os (the estimate alone said -Oz and
 * cost the 196 -> 128 layer 12.8 cycles a MAC instead of 9.75) and gives the Java evaluator's bits.
 * Intermittent, it does not fit with a 33 uF capacitor's tiles even at -Oz (their call tables),
 * and the refusal carries the linker's numbers and writes nothing; with 100 uF (one charge is
 * about 500,000 cycles; the measured kernel cycles make it 11 tiles) it links at -Os, like the
 * continuous build, and survives power failures every 500,000 cycles with the continuous run's
 * outputs.
 */
class OnnxMlirMnistMsp430Test {
  private static final Pattern TAKES = Pattern.compile("takes ([\\d,]+) of the ([\\d,]+) bytes of FRAM");
  @TempDir
  static Path shared;
  private static Path quantized;
  private static Path input;

  @BeforeAll
  static void quantize() throws Exception {
    dev.tenax.codegen.Msp430RunTest.requireToolchain();
    quantized = shared.resolve("q.onnx");
    CliTest.Run q = tenax("quantize", SharedData.require("models/onnx-mlir-mnist/mnist.onnx").toString(),
        "--calib", "random", "-o", quantized.toString());
    assertEquals(0, q.code(), q.err());
    input = SharedData.repoRoot().resolve("examples/mnist/samples/digit-3.npy");
  }

  @Test
  void continuousBuildLinksAtOsAndMatchesTheEvaluator(@TempDir Path tmp) throws Exception {
    Path project = tmp.resolve("b");
    CliTest.Run c = tenax("compile", quantized.toString(), "--target", "msp430fr5994", "-o", project.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().contains("code compiled with -Os: the firmware takes"), c.out());
    Matcher m = TAKES.matcher(c.out());
    assertTrue(m.find(), c.out());
    long used = number(m.group(1));
    assertEquals(49_024, number(m.group(2)), c.out());
    assertTrue(used <= 49_024 && used > 40_000, c.out());
    assertFalse(Files.exists(project.resolve(".tenax-level")), "no fallback was recorded");
    // the flags make compiles the model with: -Os, and the kernels' fast loops (no TX_SMALL_CODE)
    String flags = make(project, "-n", "-B", "runtime/src/tx_fully_connected_s8.o");
    assertTrue(flags.contains(" -Os ") && !flags.contains("TX_SMALL_CODE"), flags);
    CliTest.Run run = tenax("run", project.toString(), "--input", input.toString(), "-o", tmp.resolve("c").toString());
    assertEquals(0, run.code(), run.err() + run.out());
    CliTest.Run java = tenax("exec", quantized.toString(), "--quantized", "--input", input.toString(), "-o",
        tmp.resolve("java").toString());
    assertEquals(0, java.code(), java.err());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("java/prediction.npy")),
        Files.readAllBytes(tmp.resolve("c/prediction.npy")));
  }

  @Test
  void intermittentBuildLinksWhenItFitsAndIsRefusedWithTheLinkersNumbersWhenNot(@TempDir Path tmp)
      throws Exception {
    Path refused = tmp.resolve("i33");
    CliTest.Run r = tenax("compile", quantized.toString(), "--target", "msp430fr5994", "--intermittent",
        "--capacitor", "33uF", "-o", refused.toString());
    assertEquals(ExitCodes.MODEL_REJECTED, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("error TX090: the firmware does not link at its smallest code level (-Oz "
        + "-DTX_SMALL_CODE) either: it needs "), r.err());
    assertTrue(r.err().contains("bytes of FRAM; the board's linker script gives it 49,024"), r.err());
    assertTrue(r.err().contains("tenax: at -Os the firmware lacks"), r.err());
    assertTrue(r.err().contains("tenax: at -Oz the firmware lacks"), r.err());
    assertFalse(Files.exists(refused), "a refused build left " + refused);
    try (var siblings = Files.list(tmp)) {
      assertEquals(0, siblings.count(), "the staging directory was left behind");
    }

    Path project = tmp.resolve("i100");
    CliTest.Run c = tenax("compile", quantized.toString(), "--target", "msp430fr5994", "--intermittent",
        "--capacitor", "100uF", "-o", project.toString());
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().contains("code compiled with -Os: the firmware takes"), c.out());
    assertFalse(Files.exists(project.resolve(".tenax-level")), "no fallback was recorded");
    CliTest.Run power = tenax("run", project.toString(), "--input", input.toString(), "-o",
        tmp.resolve("pf").toString(), "--power-failures", "every:500000");
    assertEquals(0, power.code(), power.err() + power.out());
    assertTrue(power.out().contains("identical to the uninterrupted run"), power.out());
    CliTest.Run java = tenax("exec", quantized.toString(), "--quantized", "--input", input.toString(), "-o",
        tmp.resolve("java").toString());
    assertEquals(0, java.code(), java.err());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("java/prediction.npy")),
        Files.readAllBytes(tmp.resolve("pf/prediction.npy")));
  }

  private static long number(String s) {
    return Long.parseLong(s.replace(",", ""));
  }

  private static String make(Path dir, String... args) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("make", "-C", dir.toString()));
    cmd.addAll(java.util.List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("CFLAGS");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }
}
