package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's MSP430 build: examples/mnist quantized as its README says, compiled for the
 * msp430fr5994 as an intermittent build for a 250 uF capacitor. It fits the FRAM below 64 KB only
 * with the runtime compiled for size (-Oz, the kernels' assembly loops kept: the -Os link overflows, by
 * about 1.6 KB, and the Makefile links again at -Oz) and the progress in the information FRAM; it must run under mspdebug
 * with power failures and give the Java evaluator's bits. A model that does not fit is refused
 * with TX090 and the numbers, never with the linker's bare errors (FirmwareFitTest).
 */
class MnistIntermittentMsp430Test {
  @Test
  void theMnistExampleFitsAndRunsUnderPowerFailures(@TempDir Path tmp) throws Exception {
    dev.tenax.codegen.Msp430RunTest.requireToolchain();
    Path mnist = SharedData.require("datasets/mnist");
    Path example = SharedData.repoRoot().resolve("examples/mnist");
    Path quantized = tmp.resolve("model.int8.onnx");
    CliTest.Run q = tenax("quantize", example.resolve("model.onnx").toString(), "--calib",
        mnist.resolve("t10k-images-idx3-ubyte.gz").toString(), "--calib-range", "0:1000", "--scale",
        "0.00392156862745098", "-o", quantized.toString());
    assertEquals(0, q.code(), q.err());
    Path project = tmp.resolve("mspi");
    CliTest.Run c = tenax("compile", quantized.toString(), "--target", "msp430fr5994", "--intermittent",
        "--capacitor", "250uF", "-o", project.toString());
    assertFalse(c.err().contains("ld.lld"), "a linker error reached the user: " + c.err());
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().contains("code compiled with -Oz (smaller code, assembly loops kept): at -Os the firmware needs"),
        c.out());
    assertEquals("-Oz", Files.readAllLines(project.resolve(".tenax-level")).get(0));
    Path input = example.resolve("samples/digit-3.npy");
    CliTest.Run power = tenax("run", project.toString(), "--input", input.toString(), "-o",
        tmp.resolve("pf").toString(), "--power-failures", "random:3:11");
    assertEquals(0, power.code(), power.err() + power.out());
    assertTrue(power.out().contains("identical to the uninterrupted run"), power.out());
    CliTest.Run java = tenax("exec", quantized.toString(), "--quantized", "--input", input.toString(), "-o",
        tmp.resolve("java").toString());
    assertEquals(0, java.code(), java.err());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("java/probabilities.npy")),
        Files.readAllBytes(tmp.resolve("pf/probabilities.npy")));
  }
}
