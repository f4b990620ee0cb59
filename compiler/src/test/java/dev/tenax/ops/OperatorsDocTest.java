package dev.tenax.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/operators.md is generated from the registry and runtime-c/; regenerate with -Dtenax.regenerate=true. */
class OperatorsDocTest {
  /** Files of runtime-c/src that are not kernels: the progress commit and float helpers. */
  private static final Set<String> NOT_KERNELS = Set.of("tx_progress", "tx_math_f32");

  static final List<OperatorsDoc.VariantFolder> VARIANTS = List.of(
      new OperatorsDoc.VariantFolder("arm-dsp/src", "cortex-m4, cortex-m7, cortex-m33 (DSP extension: SMLAD), and "
          + "cortex-m55 where arm-mve has no variant"),
      new OperatorsDoc.VariantFolder("arm-mve/src", "cortex-m55 (Helium)"),
      new OperatorsDoc.VariantFolder("arm-scalar/src", "cortex-m0, cortex-m3 (no DSP extension: MLA or MULS, "
          + "plain C)"),
      new OperatorsDoc.VariantFolder("msp430-hwmult/src", "msp430fr5994, msp430fr5969 (16x16 hardware multiplier)"));

  @Test
  void docsListEveryOperatorAndKernel() throws Exception {
    Path doc = SharedData.repoRoot().resolve("docs/operators.md");
    String expected = OperatorsDoc.render(kernels(), VARIANTS);
    if (Boolean.getBoolean("tenax.regenerate")) {
      Files.writeString(doc, expected, StandardCharsets.UTF_8);
    }
    assertEquals(expected, Files.readString(doc, StandardCharsets.UTF_8),
        "docs/operators.md is stale: run mvn -q -pl compiler test -Dtest=OperatorsDocTest -Dtenax.regenerate=true");
  }

  @Test
  void convLowersAndShapeIsFolded() {
    OperatorRegistry r = OperatorRegistry.standard();
    assertTrue(dev.tenax.lower.KernelCoverage.hasKernels(r.lookup("", "Conv").orElseThrow()));
    assertFalse(dev.tenax.lower.KernelCoverage.hasKernels(r.lookup("", "Shape").orElseThrow()));
  }

  private static Map<String, Set<String>> kernels() throws IOException {
    Map<String, Set<String>> m = new TreeMap<>();
    Path runtime = SharedData.repoRoot().resolve("runtime-c");
    m.put("src", names(runtime.resolve("src")));
    for (OperatorsDoc.VariantFolder v : VARIANTS) {
      m.put(v.folder(), names(runtime.resolve(v.folder())));
    }
    return m;
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c"))
          .map(n -> n.substring(0, n.length() - 2)).filter(n -> !NOT_KERNELS.contains(n))
          .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
  }
}
