package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.target.Target;
import dev.tenax.target.Targets;
import dev.tenax.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every function of the Cortex-M kernels whose assembly takes its own labels' addresses with ADR
 * sits in a word-aligned section, at -Os as at -O2. ADR adds to the word-aligned PC and the
 * assembler resolves it as if the section started on a word; at -Os GCC aligns functions to 2
 * bytes, and a function linked at 2 mod 4 then jumps 2 bytes off its labels (the DSP convolution
 * faulted so under --optimize=size until its assembly functions asked for 4-byte alignment,
 * runtime-c/include/tx_arm_dsp.h TX_ASM_ADR_FUNCTION). Where a link puts a function is luck, so
 * the object files' section alignments are checked instead of a run.
 */
class AsmAdrAlignmentTest {
  private static final Pattern SECTION = Pattern.compile("^Disassembly of section (\\S+):$");
  // ADR as objdump shows it: adr, or the add/sub of an immediate to the PC it assembles to
  private static final Pattern ADR = Pattern.compile("^\\s*[0-9a-f]+:\\s+(?:[0-9a-f]{4} ?){1,2}\\s+"
      + "(?:adr(?:\\.[nw])?\\s|(?:addw|subw|add|sub)(?:\\.w)?\\s+\\w+, pc, #)");
  private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\s*\\d+\\]\\s+(\\S+)\\s+\\S+(?:\\s+\\S+){4}\\s+"
      + "(?:[A-Z]*)\\s+\\d+\\s+\\d+\\s+(\\d+)\\s*$");

  @ParameterizedTest(name = "{0} on {1} at {2}")
  @CsvSource({"arm-dsp, cortex-m4, -Os", "arm-dsp, cortex-m4, -O2", "arm-mve, cortex-m55, -Os",
      "arm-scalar, cortex-m3, -Os", "arm-scalar, cortex-m0, -Os"})
  void adrFunctionsAreWordAligned(String folder, String core, String level, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Target t = Targets.find(core).orElseThrow();
    Path runtime = SharedData.repoRoot().resolve("runtime-c");
    List<Path> sources;
    try (Stream<Path> s = Files.list(runtime.resolve(folder + "/src"))) {
      sources = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
    }
    int adrSections = 0;
    for (Path src : sources) {
      Path obj = dir.resolve(src.getFileName().toString().replace(".c", ".o"));
      List<String> cc = new ArrayList<>(List.of("arm-none-eabi-gcc"));
      cc.addAll(t.cflags());
      cc.addAll(List.of(level, "-std=c99", "-ffunction-sections", "-I" + runtime.resolve("include"), "-c",
          src.toString(), "-o", obj.toString()));
      run(cc);
      Map<String, Integer> align = alignments(run(List.of("arm-none-eabi-readelf", "-S", "-W", obj.toString())));
      String section = null;
      List<String> checked = new ArrayList<>();
      for (String line : run(List.of("arm-none-eabi-objdump", "-d", obj.toString())).split("\n")) {
        Matcher m = SECTION.matcher(line);
        if (m.matches()) {
          section = m.group(1);
        } else if (section != null && ADR.matcher(line).find() && !checked.contains(section)) {
          checked.add(section);
          assertTrue(align.containsKey(section), section + " not in the section headers of " + obj);
          assertTrue(align.get(section) >= 4, src.getFileName() + " at " + level + ": " + section
              + " takes ADR addresses but is aligned to " + align.get(section) + " bytes");
        }
      }
      adrSections += checked.size();
    }
    if (folder.equals("arm-dsp")) {
      // the convolution's blocks and the fully connected layer's: the check must see them
      assertTrue(adrSections >= 4, "only " + adrSections + " sections with ADR in " + folder);
    }
  }

  /** Section name to its alignment, from readelf -S -W. */
  private static Map<String, Integer> alignments(String headers) {
    Map<String, Integer> m = new HashMap<>();
    for (String line : headers.split("\n")) {
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        m.put(h.group(1), Integer.parseInt(h.group(2)));
      }
    }
    return m;
  }

  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd));
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
    return out;
  }
}
