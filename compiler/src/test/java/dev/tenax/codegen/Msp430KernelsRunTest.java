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
      "tx_fully_connected_s8.c", "tx_mspabi_mpy.c", "tx_msp430_hwmult.c", "tx_softmax_s8.c");

  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"msp430fr5994, 31", "msp430fr5994, 32", "msp430fr5969, 33"})
  void randomLayersRunBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    runRandomModel("hw", target, seed, Msp430KernelsRunTest::branch, 1, dir);
  }

  /** A random model of BRANCHES branches from {@code maker} under mspdebug, {@code runs} inputs, bit-exact; its kernels. */
  private static List<String> runRandomModel(String prefix, String target, int seed, RandomLayersTest.BranchMaker maker,
      int runs, Path dir) throws Exception {
    Msp430RunTest.requireToolchain();
    Random r = new Random(seed);
    Map<String, float[]> ranges = new HashMap<>();
    Program p = RandomLayersTest.compileRandom(prefix, target, BRANCHES, maker, r, ranges, dir).program();
    ProjectManifest manifest = ProjectManifest.read(dir);
    RandomLayersTest.assertBitExact(p, ranges, r, runs, target + " seed " + seed,
        feed -> Msp430Run.run(manifest, feed, 300).outputs());
    return p.steps().stream().map(s -> s.kernel()).toList();
  }

  /**
   * Max and average pooling (the reference C, whose window walk avoids index products) and int8
   * softmax (the msp430-hwmult variant, gemmlowp products on the 16x16 multiplier) against the Java
   * evaluator: pools of kernels 1-3, strides 1-3, asymmetric pads, channels 1-17, batch 2, clamped by a Relu
   * sometimes; softmax rows of 1-300 values with input scales from 10^-4 to 1, which span the
   * multipliers, left shifts and diff_min values calibrated models use.
   */
  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"msp430fr5994, 51", "msp430fr5994, 52", "msp430fr5969, 53"})
  void randomPoolsAndSoftmaxRunBitExact(String target, int seed, @TempDir Path dir) throws Exception {
    List<String> kernels = runRandomModel("ps", target, seed, Msp430KernelsRunTest::poolOrSoftmax, 2, dir);
    assertTrue(kernels.containsAll(List.of("tx_max_pool_s8", "tx_avg_pool_s8", "tx_softmax_s8")), kernels.toString());
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
    Path elf = link(tmp, new Msp430KernelFirmware(41).source(), "msp430-hwmult/src/tx_fully_connected_s8.c",
        "msp430-hwmult/src/tx_conv2d_s8.c");
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

  /**
   * The int8 softmax's products on the multiplier, inside tx_gemmlowp.h's exponential and
   * reciprocal, against Java for edge and random operands and every difference of a row for the
   * parameters of real models and extremes (Msp430KernelFirmware.softmaxSource).
   */
  @Test
  void softmaxArithmeticOnTheMultiplierIsExact(@TempDir Path tmp) throws Exception {
    Msp430RunTest.requireToolchain();
    Path elf = link(tmp, new Msp430KernelFirmware(43).softmaxSource());
    Path result = tmp.resolve("result.bin");
    String console = run(List.of("mspdebug", "-q", "sim", "simio add hwmult m", "prog " + elf,
        "setbreak tenax_exit", "run", "save_raw tenax_result 12 " + result), tmp);
    ByteBuffer res = ByteBuffer.wrap(Files.readAllBytes(result)).order(ByteOrder.LITTLE_ENDIAN);
    int failures = res.getInt();
    int first = res.getInt();
    assertEquals(0x7E57, res.getInt(), "the test firmware did not finish:\n" + console);
    assertEquals(0, failures, failures + " results differ from Java's; the first is vector " + first);
  }

  /** The FR5994 ELF of a test program with the multiply helpers, the multiplier's shared code and {@code kernels}. */
  private static Path link(Path tmp, String program, String... kernels) throws Exception {
    Path repo = SharedData.repoRoot();
    Path test = tmp.resolve("kernels.c");
    Files.writeString(test, program);
    List<Path> sources = new ArrayList<>(List.of(test, repo.resolve("qemu/msp430-common/crt0.c")));
    List<String> runtime = new ArrayList<>(List.of("msp430/src/tx_mspabi_int.c", "msp430/src/tx_mspabi_int64.c",
        "msp430-hwmult/src/tx_mspabi_mpy.c", "msp430-hwmult/src/tx_msp430_hwmult.c"));
    runtime.addAll(List.of(kernels));
    for (String f : runtime) {
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
    return elf;
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

  /** One branch: input x{i} -> a max pool (i = 0 mod 4), an average pool (2 mod 4) or a softmax (odd i), + Relu after a pool sometimes -> y{i}. */
  private static void poolOrSoftmax(OnnxModelBuilder b, Random r, int i, Map<String, float[]> ranges) {
    String x = "x" + i;
    String y = "y" + i;
    if (i % 2 == 1) {
      // input spans of 0.03 to 300 give input scales of ~10^-4 to ~1
      float span = (float) Math.pow(10, -1.5 + 4 * r.nextDouble());
      float lo = -span * r.nextFloat();
      ranges.put(x, new float[] {lo, lo + span});
      int rows = 1 + r.nextInt(3);
      int len = r.nextInt(4) == 0 ? 1 + r.nextInt(300) : 1 + r.nextInt(40);
      b.input(x, DType.FLOAT32, rows, len);
      b.node("Softmax", List.of(x), List.of(y), Map.of("axis", Attribute.ofInt(-1)));
      b.output(y, DType.FLOAT32, rows, len);
      return;
    }
    float lo = -3 + r.nextFloat() * 3;
    ranges.put(x, new float[] {lo, lo + 0.5f + r.nextFloat() * 4});
    int c = 1 + r.nextInt(17);
    int kh = 1 + r.nextInt(3), kw = 1 + r.nextInt(3);
    int sh = 1 + r.nextInt(3), sw = 1 + r.nextInt(3);
    int[] pads = {r.nextInt(kh), r.nextInt(kw), r.nextInt(kh), r.nextInt(kw)};
    int h = kh + r.nextInt(7), w = kw + r.nextInt(7);
    int oh = (h + pads[0] + pads[2] - kh) / sh + 1;
    int ow = (w + pads[1] + pads[3] - kw) / sw + 1;
    String pre = r.nextBoolean() ? "z" + i : y;
    b.input(x, DType.FLOAT32, 2, c, h, w);
    b.node(i % 4 == 0 ? "MaxPool" : "AveragePool", List.of(x), List.of(pre), Map.of("kernel_shape", Attribute.ofInts(kh, kw),
        "strides", Attribute.ofInts(sh, sw), "pads", Attribute.ofInts(pads[0], pads[1], pads[2], pads[3])));
    b.output(y, DType.FLOAT32, 2, c, oh, ow);
    if (!pre.equals(y)) {
      b.node("Relu", List.of(pre), List.of(y));
    }
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
