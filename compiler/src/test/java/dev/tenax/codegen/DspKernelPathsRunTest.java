package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.lower.Program;
import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The paths of the DSP kernels a project compiles in (tx_config.h, from {@link DspKernelPaths}):
 * models of one random layer each (DspKernelsRunTest's generator, every kind of layer it makes,
 * so the project has only that layer's paths) must run bit-exact under QEMU, which they only do when the Java predicates pick the path the C
 * dispatch takes (a call whose path is left out returns TX_ERR_ARGUMENT and the run fails).
 */
class DspKernelPathsRunTest {
  private static final Pattern PATH_LINE = Pattern.compile("#define (TX_\\w+_PATH_\\w+) ([01])");

  /** Every kind of layer four times on cortex-m4 (about a second each), a few on m7 and m33. */
  static Stream<Arguments> layers() {
    List<Arguments> cases = new ArrayList<>();
    for (int kind = 0; kind < DspKernelsRunTest.KINDS; kind++) {
      for (int n = 0; n < 4; n++) {
        cases.add(Arguments.of("cortex-m4", kind, 100 + 10 * kind + n));
      }
    }
    cases.add(Arguments.of("cortex-m7", 5, 43));
    cases.add(Arguments.of("cortex-m7", 1, 44));
    cases.add(Arguments.of("cortex-m33", 9, 45));
    cases.add(Arguments.of("cortex-m33", 3, 46));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, layer kind {1}, seed {2}")
  @MethodSource("layers")
  void minimalPathsRunBitExact(String target, int kind, int seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    Map<String, float[]> ranges = new HashMap<>();
    ModelCompiler.Result result = compileLayer(target, kind, r, ranges, dir);
    Map<String, Integer> paths = configured(dir);
    assertTrue(paths.containsValue(0), "one layer should leave some path out: " + paths);
    assertTrue(paths.containsValue(1), "the layers' paths should be in: " + paths);
    Program p = result.program();
    ProjectManifest manifest = ProjectManifest.read(dir);
    RandomLayersTest.assertBitExact(p, ranges, r, 1, target + " seed " + seed, feed -> {
      QemuRun.Result got = QemuRun.run(manifest, feed, 300);
      assertTrue(got.ticks() > 0, got.console());
      return got.outputs();
    });
  }

  /**
   * Models of one requantizing average pool each (AvgPoolRequantRunTest's kinds: global and
   * strided, channel counts of multiples of 4 and others, shifts in and out of the SMMLA stage's
   * range) with only their paths run bit-exact; together they turn each of the pool's path
   * macros on in some model and off in another.
   */
  @Test
  void avgPoolPathsRunBitExact(@TempDir Path tmp) throws Exception {
    CortexMRunTest.requireToolchain();
    List<String> macros = DspKernelPaths.ALL.stream().filter(m -> m.startsWith("TX_AVG_POOL_REQUANT_S8_PATH_")).toList();
    Map<String, java.util.Set<Integer>> seen = new HashMap<>();
    for (int n = 0; n < 8; n++) {
      Path dir = Files.createDirectory(tmp.resolve("pool" + n));
      Random r = new Random(200 + n);
      Map<String, float[]> ranges = new HashMap<>();
      Program p = AvgPoolRequantRunTest.compilePools("cortex-m4", r, new int[] {n % 4}, ranges, dir);
      Map<String, Integer> paths = configured(dir);
      for (String m : macros) {
        seen.computeIfAbsent(m, k -> new java.util.TreeSet<>()).add(paths.get(m));
      }
      ProjectManifest manifest = ProjectManifest.read(dir);
      RandomLayersTest.assertBitExact(p, ranges, r, 1, "pool " + n + " " + paths, feed -> {
        QemuRun.Result got = QemuRun.run(manifest, feed, 300);
        assertTrue(got.ticks() > 0, got.console());
        return got.outputs();
      });
    }
    for (String m : macros) {
      assertEquals(java.util.Set.of(0, 1), seen.get(m), m + " should be on in some model and off in another");
    }
  }

  /**
   * The layers of {@link #layers} (compiled, not run) that take a planar depthwise path have its
   * channel tail on in some model and off in another, so that the runs above check the mirror
   * both ways.
   */
  @Test
  void theLayersTakeThePlanarTailAndLeaveItOut(@TempDir Path tmp) throws Exception {
    java.util.Set<Integer> seen = new java.util.TreeSet<>();
    int n = 0;
    for (Arguments a : layers().toList()) {
      Object[] args = a.get();
      int kind = (Integer) args[1];
      if (kind != 9 && kind != 10) {
        continue;
      }
      Path dir = Files.createDirectory(tmp.resolve("layer" + n++));
      compileLayer((String) args[0], kind, new Random((Integer) args[2]), new HashMap<>(), dir);
      Map<String, Integer> paths = configured(dir);
      if (paths.get("TX_DEPTHWISE_CONV2D_S8_PATH_DW3") + paths.get("TX_DEPTHWISE_CONV2D_S8_PATH_DWS2") > 0) {
        seen.add(paths.get("TX_DEPTHWISE_CONV2D_S8_PATH_PLANAR_TAIL"));
      }
    }
    assertEquals(java.util.Set.of(0, 1), seen, "TX_DEPTHWISE_CONV2D_S8_PATH_PLANAR_TAIL on and off");
  }

  /** A path the calls need, left out by hand: the kernel refuses the call instead of computing. */
  @Test
  void aCallWhosePathIsLeftOutFails(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(39);
    Map<String, float[]> ranges = new HashMap<>();
    ModelCompiler.Result result = compileLayer("cortex-m4", 0, r, ranges, dir);
    Path config = dir.resolve("tx_config.h");
    String text = Files.readString(config);
    Matcher m = PATH_LINE.matcher(text);
    String used = null;
    while (used == null && m.find()) {
      used = m.group(2).equals("1") ? m.group(1) : null;
    }
    assertTrue(used != null, text);
    Files.writeString(config, text.replace("#define " + used + " 1", "#define " + used + " 0"));
    // the Makefile's objects depend on their .c files only: rebuild everything
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".o") || f.toString().endsWith(".elf")).toList()) {
        Files.delete(f);
      }
    }
    ProjectManifest manifest = ProjectManifest.read(dir);
    Map<String, dev.tenax.ir.Tensor> feed = RandomLayersTest.feed(result.program(), ranges, r);
    String leftOut = used;
    assertThrows(QemuRun.FirmwareException.class, () -> QemuRun.run(manifest, feed, 300),
        "a call needing " + leftOut + " must fail when it is left out");
  }

  /** DspKernelPaths lists exactly the macros tx_arm_dsp_paths.h defaults. */
  @Test
  void javaListsEveryPathMacroOfTheHeader() throws Exception {
    String header = Files.readString(SharedData.repoRoot().resolve("runtime-c/include/tx_arm_dsp_paths.h"));
    Matcher m = Pattern.compile("#define (TX_\\w+_PATH_\\w+) 1").matcher(header);
    List<String> macros = new ArrayList<>();
    while (m.find()) {
      macros.add(m.group(1));
    }
    assertEquals(macros, DspKernelPaths.ALL);
  }

  /** A model of one layer of DspKernelsRunTest's kind {@code kind} (0 .. KINDS - 1: its branch number). */
  private static ModelCompiler.Result compileLayer(String target, int kind, Random r, Map<String, float[]> ranges,
      Path dir) throws Exception {
    return RandomLayersTest.compileRandom("paths", target, 1,
        (b, rr, i, rg) -> DspKernelsRunTest.branch(b, rr, kind, rg), r, ranges, dir);
  }

  private static Map<String, Integer> configured(Path dir) throws Exception {
    Matcher m = PATH_LINE.matcher(Files.readString(dir.resolve("tx_config.h")));
    Map<String, Integer> paths = new HashMap<>();
    while (m.find()) {
      paths.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return paths;
  }
}
