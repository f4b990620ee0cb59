package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.Msp430Run;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.DType;
import dev.tenax.lower.Program;
import dev.tenax.target.Targets;
import dev.tenax.testing.OnnxModelBuilder;
import dev.tenax.testing.SharedData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MSP430 hardware-multiplier kernels (runtime-c/msp430-hwmult/src) that FR-part projects
 * get: randomized convolutions (pads, strides, dilations, groups, channel counts that are not
 * multiples of 2 or 4, windows that fit the int16 patch and windows that do not), depthwise
 * layers (channel multipliers 1 and 2) and fully-connected layers (rows that fit one int16 chunk and
 * rows of two or three chunks, outputs across several blocks of partial sums, batches),
 * with input ranges that give zero points -128 and 127 too, run under mspdebug sim and must give
 * the Java integer evaluator's bits. A test firmware checks the requantization at its edges and
 * measures MCLK cycles per MAC of dense and convolution layers. Skips visibly without the tools.
 */
class Msp430KernelsRunTest {
  static final int BRANCHES = 8;

  static final List<String> HWMULT_FILES = List.of("tx_conv2d_s8.c", "tx_depthwise_conv2d_s8.c",
      "tx_fully_connected_s8.c", "tx_mspabi_mpy.c", "tx_msp430_hwmult.c");

  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"msp430fr5994, 31", "msp430fr5994, 32", "msp430fr5969, 33"})
  void randomLayersRunBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    Msp430RunTest.requireToolchain();
    Random r = new Random(seed);
    Map<String, float[]> ranges = new HashMap<>();
    ModelCompiler.Result result = RandomLayersTest.compileRandom("hw", target, BRANCHES, Msp430KernelsRunTest::branch, r,
        ranges, dir);
    Program p = result.program();
    ProjectManifest manifest = ProjectManifest.read(dir);
    RandomLayersTest.assertBitExact(p, ranges, r, 1, target + " seed " + seed,
        feed -> Msp430Run.run(manifest, feed, 300).outputs());
  }

  /** FR parts get the msp430-hwmult kernels and helpers, and the Makefile the multiplier's base. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"msp430fr5994", "msp430fr5969"})
  void projectsHoldTheHardwareMultiplierFiles(String target, @TempDir Path dir) throws Exception {
    ModelCompiler.compile(KernelCoverageTest.model(), new EmitOptions("m", target, null, "test", "m.onnx", "0"), dir);
    for (String f : HWMULT_FILES) {
      assertEquals("msp430-hwmult/src/" + f, RuntimeSources.resourcePath(f, Targets.find(target).orElseThrow()));
      assertArrayEquals(Files.readAllBytes(SharedData.repoRoot().resolve("runtime-c/msp430-hwmult/src/" + f)),
          Files.readAllBytes(dir.resolve("runtime/src/" + f)), target + ": " + f + " must be the hwmult variant");
    }
    String make = Files.readString(dir.resolve("Makefile"));
    assertTrue(make.contains("HWMULT_BASE ?= 0x0130") && make.contains("-DTX_MSP430_HWMULT_BASE=$(HWMULT_BASE)")
        && make.contains("simio add hwmult m"), make);
    assertTrue(Files.readString(dir.resolve("README.md")).contains("HWMULT_BASE=0x04C0"));
  }

  @Test
  void otherTargetsKeepTheReferenceKernels() {
    assertEquals("src/tx_fully_connected_s8.c",
        RuntimeSources.resourcePath("tx_fully_connected_s8.c", Targets.find("host").orElseThrow()));
    assertEquals("src/tx_max_pool_s8.c",
        RuntimeSources.resourcePath("tx_max_pool_s8.c", Targets.find("msp430fr5994").orElseThrow()));
  }

  /**
   * The requantization from 16x16 products against Java at its edges (shifts -31 to 30, acc and
   * multiplier extremes, results that wrap), then MCLK cycles per MAC of whole kernel calls.
   */
  @Test
  void requantizationIsExactAndLayersCostFewCyclesPerMac(@TempDir Path tmp) throws Exception {
    Msp430RunTest.requireToolchain();
    Path repo = SharedData.repoRoot();
    Path test = tmp.resolve("kernels.c");
    Files.writeString(test, new Msp430KernelFirmware(41).source());
    List<Path> sources = new ArrayList<>(List.of(test, repo.resolve("qemu/msp430-common/crt0.c")));
    for (String f : List.of("msp430/src/tx_mspabi_int.c", "msp430/src/tx_mspabi_int64.c",
        "msp430-hwmult/src/tx_mspabi_mpy.c", "msp430-hwmult/src/tx_msp430_hwmult.c",
        "msp430-hwmult/src/tx_fully_connected_s8.c", "msp430-hwmult/src/tx_conv2d_s8.c")) {
      sources.add(repo.resolve("runtime-c/" + f));
    }
    List<String> objects = new ArrayList<>();
    for (Path src : sources) {
      Path obj = tmp.resolve(src.getFileName() + ".o");
      run(List.of("clang-19", "--target=msp430", "-mhwmult=none", "-D__MSP430FR5994__",
          "-DTX_MSP430_HWMULT_BASE=0x0130", "-std=c99", "-Os", "-ffreestanding", "-Wall", "-Werror",
          "-ffunction-sections", "-fdata-sections", "-I" + repo.resolve("qemu/msp430-common"),
          "-I" + repo.resolve("runtime-c/include"), "-c", "-o", obj.toString(), src.toString()), tmp);
      objects.add(obj.toString());
    }
    Path elf = tmp.resolve("kernels.elf");
    List<String> ld = new ArrayList<>(List.of("ld.lld-19", "--gc-sections", "-L" + repo.resolve("qemu/msp430-common"),
        "-T" + repo.resolve("qemu/msp430fr5994/msp430fr5994.ld"), "-o", elf.toString()));
    ld.addAll(objects);
    run(ld, tmp);
    Path result = tmp.resolve("result.bin");
    List<String> sim = new ArrayList<>(List.of("mspdebug", "-q", "sim", "simio add tracer t", "simio add hwmult m",
        "prog " + elf, "setbreak tenax_begin", "setbreak tenax_end", "setbreak tenax_exit"));
    for (int i = 0; i < 2 * Msp430KernelFirmware.BENCHES.size(); i++) {
      sim.addAll(List.of("run", "simio info t"));
    }
    sim.addAll(List.of("run", "save_raw tenax_result 12 " + result));
    String console = run(sim, tmp);
    ByteBuffer res = ByteBuffer.wrap(Files.readAllBytes(result)).order(ByteOrder.LITTLE_ENDIAN);
    int failures = res.getInt();
    int first = res.getInt();
    assertEquals(0x7E57, res.getInt(), "the test firmware did not finish or a kernel failed:\n" + console);
    assertEquals(0, failures, failures + " requantized values differ from Java's; the first is vector " + first);
    Matcher m = Pattern.compile("MCLK:\\s+(\\d+)").matcher(console);
    List<Long> mclk = new ArrayList<>();
    while (m.find()) {
      mclk.add(Long.parseLong(m.group(1)));
    }
    assertEquals(2 * Msp430KernelFirmware.BENCHES.size(), mclk.size(), console);
    for (int i = 0; i < Msp430KernelFirmware.BENCHES.size(); i++) {
      long cycles = mclk.get(2 * i + 1) - mclk.get(2 * i);
      double perMac = (double) cycles / Msp430KernelFirmware.BENCH_MACS[i];
      System.out.printf("msp430 hwmult %s: %,d MCLK cycles, %.2f per MAC%n", Msp430KernelFirmware.BENCHES.get(i),
          cycles, perMac);
      // Software multiplication costs hundreds of cycles per MAC: this says the multiplier is in use.
      assertTrue(perMac < 40, Msp430KernelFirmware.BENCHES.get(i) + ": " + perMac + " cycles per MAC");
    }
  }

  private static String run(List<String> cmd, Path dir) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes());
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    assertTrue(done && p.exitValue() == 0, String.join(" ", cmd) + "\n" + out);
    return out;
  }

  /** One branch: input x{i} -> a random conv / depthwise / fully-connected layer (+ Relu) -> y{i}. */
  private static void branch(OnnxModelBuilder b, Random r, int i, Map<String, float[]> ranges) {
    String x = "x" + i;
    String y = "y" + i;
    // all-positive ranges give zero point -128, all-negative ones 127, the others in between
    float span = 0.3f + r.nextFloat() * 4;
    float lo = switch (i % 3) {
      case 0 -> 0;
      case 1 -> -span;
      default -> -5 + r.nextFloat() * 6;
    };
    ranges.put(x, new float[] {lo, lo + span});
    String pre = r.nextBoolean() ? "z" + i : y;
    int kind = r.nextInt(6);
    if (kind >= 4) { // fully connected, batches 1-2; rows beyond 128 inputs go in 128-input chunks
      // long rows: two or three chunks, outputs across one to three blocks of 16 partial sums
      // (weights up to 4.5 KB a layer: eight branches must fit the FR5969's FRAM)
      int in = kind == 5 ? 129 + r.nextInt(172) : 1 + r.nextInt(60);
      int out = kind == 5 ? Math.min(1 + r.nextInt(34), 4500 / in) : 1 + r.nextInt(13);
      int rows = kind == 5 ? 1 : 1 + r.nextInt(2);
      b.input(x, DType.FLOAT32, rows, in);
      b.initializer("w" + i, RandomLayersTest.random(r, out, in)).initializer("b" + i, RandomLayersTest.random(r, out));
      b.node("Gemm", List.of(x, "w" + i, "b" + i), List.of(pre), Map.of("transB", Attribute.ofInt(1)));
      b.output(y, DType.FLOAT32, rows, out);
    } else {
      // 0-1: ordinary convolution (0: windows of up to 5x5x9, within the patch that reads
      // Winograd's operands (256 values, 128 on the FR5969) but for some on the FR5969, with or
      // without a bias; 1: windows of 135-304 values, on both sides of the FR5994's patch), 2:
      // depthwise, 3: 3 groups
      int c = kind == 1 ? 15 + r.nextInt(5) : 1 + r.nextInt(9);
      int groups = 1;
      int outC = kind == 0 ? 1 + r.nextInt(33) : 1 + r.nextInt(7);
      if (outC > 12) { // many output channels over few input channels: the weights must fit the FRAM
        c = 1 + r.nextInt(3);
      }
      if (kind == 2) {
        groups = c;
        outC = c * (1 + r.nextInt(2));
      } else if (kind == 3) {
        c = 3 * (1 + r.nextInt(3));
        groups = 3;
        outC = 3 * (1 + r.nextInt(3));
      }
      int kh = kind == 1 ? 3 + r.nextInt(2) : kind == 0 ? 1 + r.nextInt(5) : 1 + r.nextInt(3);
      int kw = kind == 1 ? 3 + r.nextInt(2) : kind == 0 ? 1 + r.nextInt(5) : 1 + r.nextInt(3);
      if (kind == 0) { // at most ~1.5 KB of weights: eight branches must fit the FR5969's FRAM
        outC = Math.max(1, Math.min(outC, 1500 / (kh * kw * c)));
      }
      int sh = 1 + r.nextInt(2);
      int sw = 1 + r.nextInt(3);
      int dh = 1 + r.nextInt(2);
      int dw = 1 + r.nextInt(2);
      int[] pads = {r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)};
      // and on smaller images: eight branches' float32 outputs must fit it too
      RandomLayersTest.conv(b, r, i, new String[] {x, pre, y}, outC > 12 ? 2 : 5, c, outC, groups,
          new int[] {kh, kw, sh, sw, dh, dw}, pads, kind != 0 || r.nextInt(3) != 0);
    }
    if (!pre.equals(y)) {
      b.node("Relu", List.of(pre), List.of(y));
    }
  }
}
