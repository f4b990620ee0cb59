package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.ir.DType;
import dev.tenax.lower.Program;
import dev.tenax.testing.OnnxModelBuilder;
import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DSP-extension elementwise kernels (runtime-c/arm-dsp/src/tx_add_s8.c) that cortex-m4, m7
 * and m33 projects get, and the Helium one (runtime-c/arm-mve/src/tx_add_s8.c) of cortex-m55:
 * randomized int8 Adds (element counts of every residue modulo 4, so the
 * four-at-a-time loops and their tails both run; input scales from equal to 2^20 apart, zero points
 * across [-128, 127], Relu clamps fused or not, an input added to itself) run under QEMU and must
 * give the Java integer evaluator's bits.
 */
class DspElementwiseRunTest {
  static final int BRANCHES = 16;

  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"cortex-m4, 21", "cortex-m4, 22", "cortex-m7, 23", "cortex-m33, 24", "cortex-m55, 25"})
  void randomAddsRunBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    Map<String, float[]> ranges = new HashMap<>();
    ModelCompiler.Result result = RandomLayersTest.compileRandom("dsp", target, BRANCHES, DspElementwiseRunTest::branch, r,
        ranges, dir);
    // cortex-m55 gets the Helium variant, the others the DSP one
    String variant = target.equals("cortex-m55") ? "arm-mve" : "arm-dsp";
    assertArrayEquals(Files.readAllBytes(SharedData.repoRoot().resolve("runtime-c/" + variant + "/src/tx_add_s8.c")),
        Files.readAllBytes(dir.resolve("runtime/src/tx_add_s8.c")), "tx_add_s8.c must be the " + variant + " variant");
    Program p = result.program();
    ProjectManifest manifest = ProjectManifest.read(dir);
    RandomLayersTest.assertBitExact(p, ranges, r, 3, target + " seed " + seed, feed -> {
      QemuRun.Result got = QemuRun.run(manifest, feed, 300);
      assertTrue(got.ticks() > 0, got.console());
      // many inputs, outputs and buffers: the harness's frames grow, and the link reserves the estimate
      CortexMRunTest.stackEstimateCoversTheRun(result, target, got.console());
      return got.outputs();
    });
  }

  /** One branch: inputs a{i}, b{i} -> Add (+ Relu) -> y{i}; sometimes a{i} + a{i}. */
  private static void branch(OnnxModelBuilder b, Random r, int i, Map<String, float[]> ranges) {
    String xa = "a" + i;
    String xb = "b" + i;
    String y = "y" + i;
    int c = 1 + r.nextInt(9);
    int h = 1 + r.nextInt(5);
    int w = 1 + r.nextInt(7);
    ranges.put(xa, range(r, 0.3f + r.nextFloat() * 4));
    // the second input's scale: the same, a little different, or up to 2^20 times smaller
    float width = switch (r.nextInt(3)) {
      case 0 -> 0.3f + r.nextFloat() * 4;
      case 1 -> (float) Math.pow(2, -r.nextInt(21)) * (0.5f + r.nextFloat());
      default -> ranges.get(xa)[1] - ranges.get(xa)[0];
    };
    boolean self = r.nextInt(6) == 0;
    b.input(xa, DType.FLOAT32, 1, c, h, w);
    if (!self) {
      ranges.put(xb, range(r, width));
      b.input(xb, DType.FLOAT32, 1, c, h, w);
    }
    boolean relu = r.nextBoolean();
    String sum = relu ? "s" + i : y;
    b.node("Add", r.nextBoolean() || self ? List.of(xa, self ? xa : xb) : List.of(xb, xa), List.of(sum), Map.of());
    if (relu) {
      b.node("Relu", List.of(sum), List.of(y));
    }
    b.output(y, DType.FLOAT32, 1, c, h, w);
  }

  /** Entirely negative, entirely positive or around 0: zero points across [-128, 127]. */
  private static float[] range(Random r, float width) {
    float lo = switch (r.nextInt(3)) {
      case 0 -> -width * 1.05f - r.nextFloat() * width;
      case 1 -> width * 0.05f + r.nextFloat() * width;
      default -> -width * r.nextFloat();
    };
    return new float[] {lo, lo + width};
  }
}
