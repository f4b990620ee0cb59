package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.lower.Program;
import dev.tenax.target.TargetFit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SRAM the fit check counts for the harness's own data (TargetFit.cortexHarnessData) covers
 * what the link places in SRAM besides the arena and tensors (and the stack it reserves), by at
 * most 64 bytes: the RAM sections of a real link, continuous and intermittent.
 */
class HarnessDataTest {
  @ParameterizedTest(name = "{0}, intermittent {1}")
  @CsvSource({"cortex-m4, false", "cortex-m4, true", "cortex-m0, false"})
  void theCountCoversTheLinksData(String target, boolean intermittent, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    EmitOptions options = new EmitOptions("m", target, null, "test", "m.onnx", "0", intermittent ? 1_000_000 : 0);
    ModelCompiler.Result r = ModelCompiler.compile(KernelCoverageTest.model(), options, dir);
    Process make = new ProcessBuilder("make", "-C", dir.toString()).redirectErrorStream(true).start();
    String log = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, make.waitFor(), log);
    Process size = new ProcessBuilder("arm-none-eabi-size", "-A", dir.resolve("m.elf").toString())
        .redirectErrorStream(true).start();
    String sections = new String(size.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, size.waitFor(), sections);
    long ram = section(sections, ".data") + section(sections, ".bss") + section(sections, ".tenax_arena");
    long tensors = 0;
    if (!intermittent) {
      // the arena and the tensors are in SRAM too (an intermittent build keeps them in NVM)
      tensors = r.view().arenaBytes();
      for (Program.Io x : r.program().inputs()) {
        tensors += x.type().bytes();
      }
      for (Program.Io x : r.program().outputs()) {
        tensors += x.type().bytes();
      }
    }
    long data = ram - tensors;
    long counted = TargetFit.cortexHarnessData(r.program().steps().size(), intermittent);
    assertTrue(data > 0 && counted >= data && counted <= data + 64,
        "counted " + counted + " bytes of harness data, the link has " + data + "\n" + sections);
  }

  private static long section(String sizeA, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s+(\\d+)\\s").matcher(sizeA);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
