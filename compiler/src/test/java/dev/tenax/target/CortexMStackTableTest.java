package dev.tenax.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack frames the Cortex-M fit check adds up are those of the kernels as they are now (run
 * scripts/measure-cortex-stack.sh after changing a kernel), and every kernel has them on every core.
 */
class CortexMStackTableTest {
  /** Helper sources without an entry point of their own name. */
  private static final List<String> HELPERS = List.of("tx_math_f32.c", "tx_progress.c");

  @Test
  void everyKernelIsMeasuredOnEveryCortexCore() throws Exception {
    List<Path> sources;
    try (var s = Files.list(Path.of("..", "runtime-c", "src"))) {
      sources = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
    }
    assertTrue(sources.size() > 30, sources.toString());
    for (Target t : Targets.all()) {
      if (!t.family().equals("cortex-m")) {
        continue;
      }
      for (Path p : sources) {
        String file = p.getFileName().toString();
        if (!HELPERS.contains(file)) {
          for (boolean smallCode : new boolean[] {false, true}) {
            long bytes = CortexMStackFrames.of(file.substring(0, file.length() - 2), t.name(), List.of(), smallCode);
            assertTrue(bytes > 0 && bytes < 8192, file + " on " + t.name() + (smallCode ? " at -Os" : "") + ": " + bytes);
          }
        }
      }
    }
  }

  /** A path set the table has is looked up whatever the order of its macros. */
  @Test
  void pathSetsAreFoundInAnyOrder() {
    long set = CortexMStackFrames.of("tx_conv2d_s8", "cortex-m4",
        List.of("TX_CONV2D_S8_PATH_IM2COL_WHOLE", "TX_CONV2D_S8_PATH_IM2COL_ROWS"), false);
    assertEquals(set, CortexMStackFrames.of("tx_conv2d_s8", "cortex-m4",
        List.of("TX_CONV2D_S8_PATH_IM2COL_ROWS", "TX_CONV2D_S8_PATH_IM2COL_WHOLE"), false));
    // with only its paths compiled in the kernel needs less than with all of them
    assertTrue(set > 0 && set < CortexMStackFrames.of("tx_conv2d_s8", "cortex-m4", List.of(), false), "" + set);
  }

  /** Compiles every kernel for six cores, about 25 path sets more, at -O2 and -Os: a minute and a half. */
  @Tag("thorough")
  @Test
  void tableIsTheMeasurementOfTheCurrentSources(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(dev.tenax.testing.ExternalTools.works("arm-none-eabi-gcc", "--version")
        && dev.tenax.testing.ExternalTools.works("python3", "--version"), "arm-none-eabi-gcc or python3 missing");
    Path root = Path.of("..").toAbsolutePath().normalize();
    Process p = new ProcessBuilder("bash", root.resolve("scripts/measure-cortex-stack.sh").toString(),
        dir.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    for (String name : List.of("cortex-m-stack-bytes.properties", "cortex-m-stack-bytes-size.properties")) {
      Properties measured = new Properties();
      try (InputStream in = Files.newInputStream(dir.resolve(name))) {
        measured.load(in);
      }
      Properties table = MeasuredTable.load(name);
      assertTrue(measured.size() > 200, "measured only " + measured);
      assertEquals(new TreeMap<>(measured), new TreeMap<>(table),
          name + " is stale: run scripts/measure-cortex-stack.sh");
    }
  }
}
