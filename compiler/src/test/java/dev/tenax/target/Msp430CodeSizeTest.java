package dev.tenax.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MSP430 code sizes the fit check adds up are those of the runtime sources as they are now:
 * the script that measured them gives the same table again (run scripts/measure-msp430-code.sh
 * after changing a kernel), and every runtime source has a size.
 */
class Msp430CodeSizeTest {
  @Test
  void tableIsTheMeasurementOfTheCurrentSources(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(dev.tenax.testing.ExternalTools.works("clang-19", "--version")
        && dev.tenax.testing.ExternalTools.works("llvm-size-19", "--version"), "clang-19 or llvm-size-19 missing");
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path copy = dir.resolve("repo");
    Files.createDirectories(copy.resolve("compiler/src/main/resources/dev/tenax/target"));
    Files.createDirectories(copy.resolve("scripts"));
    Files.copy(root.resolve("scripts/measure-msp430-code.sh"), copy.resolve("scripts/measure-msp430-code.sh"));
    // The script measures runtime-c/ relative to itself: point it at this tree's sources.
    Files.createSymbolicLink(copy.resolve("runtime-c"), root.resolve("runtime-c"));
    Process p = new ProcessBuilder("bash", copy.resolve("scripts/measure-msp430-code.sh").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    Properties fresh = new Properties();
    try (InputStream in = Files.newInputStream(
        copy.resolve("compiler/src/main/resources/dev/tenax/target/msp430-code-bytes.properties"))) {
      fresh.load(in);
    }
    Properties table = new Properties();
    try (InputStream in = Msp430CodeSize.class.getResourceAsStream("msp430-code-bytes.properties")) {
      table.load(in);
    }
    assertTrue(fresh.size() > 30, "measured only " + fresh);
    assertEquals(new java.util.TreeMap<>(fresh), new java.util.TreeMap<>(table),
        "msp430-code-bytes.properties is stale: run scripts/measure-msp430-code.sh");
  }
}
