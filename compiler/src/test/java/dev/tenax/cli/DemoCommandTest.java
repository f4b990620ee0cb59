package dev.tenax.cli;

import static dev.tenax.testing.ExternalTools.works;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenax demo}: the Cortex-M4 leg here (a few seconds), both targets as the README runs it in
 * the thorough profile.
 */
class DemoCommandTest {
  private static String previousHome;

  @BeforeAll
  static void pointAtTheCheckout() {
    previousHome = System.getProperty("tenax.home");
    System.setProperty("tenax.home", SharedData.repoRoot().toString());
  }

  @AfterAll
  static void restore() {
    if (previousHome == null) {
      System.clearProperty("tenax.home");
    } else {
      System.setProperty("tenax.home", previousHome);
    }
  }

  @Test
  void cortexM4ClassifiesTheDigitsThroughPowerFailures(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(works("arm-none-eabi-gcc", "--version") && works("qemu-system-arm", "--version"),
        "needs arm-none-eabi-gcc and qemu-system-arm");
    String out = demo(0, dir, "--targets", "cortex-m4", "--digits", "3,8", "--no-install");
    assertDigitRow(out, 3, "cortex-m4");
    assertDigitRow(out, 8, "cortex-m4");
    assertTrue(out.contains("bit-identical to the Java evaluator's"), out);
    assertTrue(Files.size(dir.resolve("cortex-m4-voltage.svg")) > 1000, "no voltage plot");
    assertTrue(Files.isRegularFile(dir.resolve("cortex-m4-out/inference-1/probabilities.npy")));
    assertTrue(out.contains("power failures per inference"), "no energy report in\n" + out);
  }

  @Test
  @Tag("thorough")
  void bothTargetsAsTheReadmeRunsIt(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(works("arm-none-eabi-gcc", "--version") && works("qemu-system-arm", "--version")
        && works("clang-19", "--version") && works("mspdebug", "--version"), "needs the Cortex-M and MSP430 toolchains");
    String out = demo(0, dir, "--no-install");
    for (int d : new int[] {7, 2, 4}) {
      String row = out.lines().filter(l -> l.trim().startsWith("digit-" + d + ".npy")).findFirst().orElse("");
      assertTrue(row.matches("\\s*digit-" + d + "\\.npy\\s+" + d + "(\\s+" + d + " \\(\\d+%\\)){3}\\s*"),
          "digit " + d + ": '" + row + "' in\n" + out);
    }
    assertTrue(out.contains("Energy report, msp430fr5994"), out);
    assertTrue(Files.size(dir.resolve("msp430fr5994-voltage.svg")) > 1000, "no MSP430 voltage plot");
  }

  @Test
  void refusesTargetsItDoesNotKnow(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(ExitCodes.USAGE, TenaxMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "demo",
        "-o", dir.toString(), "--targets", "cortex-m0", "--no-install"));
    assertTrue(err.toString().contains("cortex-m4 and msp430fr5994"), err.toString());
  }

  @Test
  void refusesDigitsThatAreNotSamples(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(ExitCodes.USAGE, TenaxMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "demo",
        "-o", dir.toString(), "--digits", "12", "--no-install"));
    assertTrue(err.toString().contains("no sample digit 12"), err.toString());
  }

  /** The row of a sample digit shows its label, and the target's answer is that digit. */
  private static void assertDigitRow(String out, int digit, String target) {
    String row = out.lines().filter(l -> l.trim().startsWith("digit-" + digit + ".npy")).findFirst().orElse("");
    assertTrue(row.matches("\\s*digit-" + digit + "\\.npy\\s+" + digit + "\\s+" + digit + " \\(\\d+%\\)\\s+" + digit
        + " \\(\\d+%\\).*"), "digit " + digit + " on " + target + " misclassified or missing: '" + row + "' in\n" + out);
  }

  private static String demo(int expectedExit, Path dir, String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = new String[options.length + 3];
    args[0] = "demo";
    args[1] = "-o";
    args[2] = dir.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    int rc = TenaxMain.run(new PrintWriter(out), new PrintWriter(err), args);
    assertEquals(expectedExit, rc, out + "\n" + err);
    return out.toString();
  }
}
