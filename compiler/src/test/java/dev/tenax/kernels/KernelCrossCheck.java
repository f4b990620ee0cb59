package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.HostGcc;
import dev.tenax.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a C kernel on cases that Java also ran and compares the outputs bit for bit: the driver
 * {@code compiler/src/test/c/tx_<kernel>_driver.c} reads one case of integers per line (shapes,
 * tensor data in the count its shape gives, other vectors as a length then the values; see
 * {@code kernel_driver_io.h}) and prints the status and outputs; it is built once with -O2 and
 * once with UndefinedBehaviorSanitizer, both with the runtime's strict warnings.
 */
final class KernelCrossCheck {
  /** Cases per kernel; the brief asks for at least 500. */
  static final int CASES = 600;

  private final List<String> cases = new ArrayList<>();
  private final List<String> expected = new ArrayList<>();
  /** For a variant that reads its operands in its own format: each case's input line in that format. */
  private final Map<String, List<String>> variantCases = new HashMap<>();

  /** One case: its input line and the Java outputs. */
  void add(Line input, byte[] javaOutput) {
    cases.add(input.toString());
    expected.add(new Line().add(0).add(javaOutput).toString());
  }

  /** One case of a float kernel: outputs compared as IEEE bits, every NaN as one NaN. */
  void add(Line input, float[] javaOutput) {
    cases.add(input.toString());
    expected.add(new Line().add(0).addCanonical(javaOutput).toString());
  }

  void add(Line input, short[] javaOutput) {
    cases.add(input.toString());
    expected.add(new Line().add(0).add(javaOutput).toString());
  }

  /** One case of an integer kernel whose outputs a shared test widened. */
  void add(Line input, long[] javaOutput) {
    cases.add(input.toString());
    expected.add(new Line().add(0).add(javaOutput).toString());
  }

  /**
   * One case whose operands {@code variant} (a folder of {@link #VARIANTS}) reads in another
   * format, {@code variantInput}, for the same outputs; {@code javaOutput} null for a case Java
   * rejects. Every case of this check must then give the variant's line.
   */
  void add(Line input, String variant, Line variantInput, byte[] javaOutput) {
    if (javaOutput == null) {
      addError(input);
    } else {
      add(input, javaOutput);
    }
    List<String> lines = variantCases.computeIfAbsent(variant, v -> new ArrayList<>());
    lines.add(variantInput.toString());
    if (lines.size() != cases.size()) {
      throw new IllegalStateException(variant + ": every case needs its line in the variant's format");
    }
  }

  /** The number of cases added so far. */
  int size() {
    return cases.size();
  }

  /** A case that Java rejects: C must return TX_ERR_ARGUMENT (-1). */
  void addError(Line input) {
    cases.add(input.toString());
    expected.add("-1");
  }

  /**
   * Every kernel is linked with {@code tx_math_f32.c}, which the float kernels need. A kernel with
   * an optimized variant in a sibling folder (runtime-c/arm-dsp/src, arm-mve/src, arm-scalar/src,
   * msp430-hwmult/src) is checked too: on the host that variant compiles to its portable fallback,
   * which must give the same bits (for msp430-hwmult: its own loops in plain C and the
   * 16x16-product requantization; for arm-scalar: its cortex-m0 loops and 16x16-product output
   * stage).
   */
  void check(Path dir, String kernel) throws IOException {
    HostGcc.require();
    assertTrue(cases.size() >= 500, "only " + cases.size() + " cases");
    Path input = dir.resolve(kernel + ".txt");
    Files.write(input, cases, StandardCharsets.US_ASCII);
    checkSource(dir, input, kernel, "src", "");
    for (String variant : VARIANTS) {
      if (Files.exists(SharedData.repoRoot().resolve("runtime-c/" + variant + "/tx_" + kernel + ".c"))) {
        String tag = "-" + variant.replace('/', '-');
        Path variantInput = input;
        if (variantCases.containsKey(variant)) {
          variantInput = dir.resolve(kernel + tag + ".txt");
          Files.write(variantInput, variantCases.get(variant), StandardCharsets.US_ASCII);
        }
        checkSource(dir, variantInput, kernel, variant, tag);
      }
    }
  }

  /** Folders under runtime-c/ with optimized variants of some kernels (same names and signatures). */
  static final List<String> VARIANTS = List.of("arm-dsp/src", "arm-mve/src", "arm-scalar/src", "msp430-hwmult/src");

  private void checkSource(Path dir, Path input, String kernel, String folder, String tag)
      throws IOException {
    Path driver = HostGcc.testSource("tx_" + kernel + "_driver.c");
    Path source = SharedData.repoRoot().resolve("runtime-c/" + folder + "/tx_" + kernel + ".c");
    Path math = SharedData.repoRoot().resolve("runtime-c/src/tx_math_f32.c");
    Path hwmult = SharedData.repoRoot().resolve("runtime-c/msp430-hwmult/src/tx_msp430_hwmult.c");
    Path[] sources = kernel.equals("math_f32") ? new Path[] {driver, source}
        : folder.startsWith("msp430-hwmult") ? new Path[] {driver, source, math, hwmult}
        : new Path[] {driver, source, math};

    Path optimized = HostGcc.compile(dir.resolve(kernel + tag + "-O2"), flags("-O2"), sources);
    compare(HostGcc.run(optimized, input), folder + ", gcc -O2");

    List<String> ubsan = flags("-O1", "-fsanitize=undefined", "-fno-sanitize-recover=all");
    Path sanitized = dir.resolve(kernel + tag + "-ubsan");
    HostGcc.Result r = HostGcc.tryCompile(sanitized, ubsan, sources);
    if (r.exitCode() != 0) {
      System.err.println("SKIPPED part: gcc cannot build with -fsanitize=undefined here:\n" + r.stderr());
      return;
    }
    compare(HostGcc.run(sanitized, input), folder + ", gcc -fsanitize=undefined");
  }

  private void compare(List<String> actual, String build) {
    assertEquals(expected.size(), actual.size(), build + ": number of results");
    for (int i = 0; i < expected.size(); i++) {
      int k = i;
      assertEquals(expected.get(i), actual.get(i).trim(),
          () -> build + ": C differs from Java on case " + k + ": " + cases.get(k));
    }
  }

  /** -ffp-contract=off: a fused multiply-add would round once where Java rounds twice. */
  private static List<String> flags(String... extra) {
    return Stream.of(HostGcc.STRICT.stream(), Stream.of("-ffp-contract=off"), Stream.of(extra),
        Stream.of("-I" + HostGcc.runtimeInclude())).flatMap(x -> x).collect(Collectors.toList());
  }

  /** A line of space-separated integers. */
  static final class Line {
    private final StringBuilder sb = new StringBuilder();

    Line add(int... values) {
      for (int v : values) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(v);
      }
      return this;
    }

    Line add(byte[] values) {
      for (byte v : values) {
        add(v);
      }
      return this;
    }

    /** Floats as their IEEE bits. */
    Line add(float... values) {
      for (float v : values) {
        add(Float.floatToRawIntBits(v));
      }
      return this;
    }

    /** Floats as their IEEE bits, every NaN as 0x7fc00000 (as the float drivers print them). */
    Line addCanonical(float... values) {
      for (float v : values) {
        add(Float.floatToIntBits(v));
      }
      return this;
    }

    Line add(short[] values) {
      for (short v : values) {
        add(v);
      }
      return this;
    }

    Line add(long[] values) {
      for (long v : values) {
        sb.append(sb.length() > 0 ? " " : "").append(v);
      }
      return this;
    }

    /** A vector whose length no shape fixes: its length, then its values. */
    Line vector(byte[] values) {
      return add(values.length).add(values);
    }

    /** An int64 vector (16x8 biases): its length, then its values; null is length 0. */
    Line vector(long[] values) {
      if (values == null) {
        return add(0);
      }
      add(values.length);
      for (long v : values) {
        sb.append(' ').append(v);
      }
      return this;
    }

    /** A vector whose length no shape fixes: its length, then its values; null is length 0. */
    Line vector(int[] values) {
      return values == null ? add(0) : add(values.length).add(values);
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  /** A zero point across the whole int8 range, with the edges and 0 more often. */
  static int zeroPoint(Random r) {
    int[] special = {-128, 127, 0};
    return r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : r.nextInt(256) - 128;
  }

  /** No clamp, a Relu-like lower bound, or a random narrow range. */
  static int[] actRange(Random r) {
    switch (r.nextInt(3)) {
      case 0:
        return new int[] {-128, 127};
      case 1:
        return new int[] {r.nextInt(256) - 128, 127};
      default:
        int a = r.nextInt(256) - 128;
        int b = r.nextInt(256) - 128;
        return new int[] {Math.min(a, b), Math.max(a, b)};
    }
  }

  /** A scale spread over several orders of magnitude. */
  static double scale(Random r) {
    return Math.pow(10, -3 + 3 * r.nextDouble());
  }

  static int[] shape(Random r, int maxN, int maxH, int maxW, int maxC) {
    return new int[] {1 + r.nextInt(maxN), 1 + r.nextInt(maxH), 1 + r.nextInt(maxW), 1 + r.nextInt(maxC)};
  }
}
