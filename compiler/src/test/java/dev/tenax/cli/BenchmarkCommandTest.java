package dev.tenax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.HostGcc;
import dev.tenax.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenax benchmark} end to end on one small MNIST model with few images. */
class BenchmarkCommandTest {
  @TempDir
  Path tmp;

  @Test
  void smokeOnOneModel() throws Exception {
    HostGcc.require();
    SharedData.require("models/mnist-14x14-cnn-atmega");
    Path shared = SharedData.require("datasets/mnist").getParent().getParent();
    Path md = tmp.resolve("bench.md");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TenaxMain.run(new PrintWriter(out), new PrintWriter(err), "benchmark", "--shared", shared.toString(),
        "--only", "mnist-14x14-cnn-atmega", "--calib-count", "40", "--eval-count", "30", "--write", md.toString());
    assertEquals(0, code, err.toString());
    String text = out.toString();
    assertEquals(text, Files.readString(md));
    assertTrue(text.startsWith("# Benchmarks"), text);
    assertTrue(text.contains("--only mnist-14x14-cnn-atmega"), "the command heads the file: " + text);
    // One accuracy row and one cost row, both for the model; 30 images, no C/Java mismatch.
    String row = text.lines().filter(l -> l.startsWith("| mnist-14x14-cnn-atmega | 0..")).findFirst().orElseThrow();
    String[] cells = row.split("\\|");
    assertEquals("30", cells[3].trim(), row);
    assertEquals("0", cells[cells.length - 1].trim(), row);
    String memory = text.lines().filter(l -> l.startsWith("| mnist-14x14-cnn-atmega | MNIST 0..39")).findFirst()
        .orElseThrow(() -> new AssertionError(text));
    String[] m = memory.split("\\|");
    java.util.regex.Matcher inPlace = java.util.regex.Pattern.compile(" (\\d+) \\((\\d+)\\) ").matcher(m[5]);
    assertTrue(inPlace.matches(), "arena in place and its calls: " + memory);
    assertTrue(Long.parseLong(inPlace.group(1)) <= Long.parseLong(m[3].trim()), memory);
    assertTrue(Integer.parseInt(inPlace.group(2)) >= Integer.parseInt(m[8].trim()), memory);
    assertTrue(err.toString().contains("] 30/30"), err.toString());
  }

  @Test
  void unknownModelIsAUsageError() {
    Path shared = SharedData.require("models").getParent();
    StringWriter err = new StringWriter();
    int code = TenaxMain.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "benchmark", "--shared",
        shared.toString(), "--only", "no-such-model");
    assertEquals(ExitCodes.USAGE, code);
    assertTrue(err.toString().contains("no-such-model"), err.toString());
  }
}
