package dev.tenax.kernels;

import dev.tenax.testing.HostGcc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tx_kernel_args.h} checks shapes and windows in 32-bit arithmetic (64-bit products and
 * divisions are library calls on 16-bit cores): it must accept exactly what {@link Shapes4}'s
 * 64-bit checks accept. Edge values around 2^15, 2^16 and 2^31 crossed with each other, then
 * seeded random ones of every bit length, through gcc -O2 and UndefinedBehaviorSanitizer.
 */
class KernelArgsCrossCheckTest {
  private static final long SEED = 0x7E4A_A565L;
  private static final int MAX = Integer.MAX_VALUE;
  private static final int[] EDGES = {-1, 0, 1, 2, 3, 7, 0x7FFF, 0x8000, 46_340, 46_341, 0xFFFF,
      0x10000, 0x10001, 0x1FFFF, 1 << 30, MAX - 1, MAX};

  private final List<String> lines = new ArrayList<>();
  private final List<String> expected = new ArrayList<>();

  @Test
  void cAcceptsWhatJavaAccepts(@TempDir Path dir) throws IOException {
    HostGcc.require();
    Random r = new Random(SEED);
    for (int a : EDGES) {
      for (int b : EDGES) {
        mul(a, b, MAX);
        mul(a, b, 0x7FFF);
        mul(a, b, 0xFFFF_FFFFL);
        divides(a, b);
        shape(a, b, 1, 1);
        shape(1, a, b, 3);
        window(a, 3, b, 1, 1, a);
        window(5, a, 1, b, 0, 5);
        window(7, 3, a, 1, 2, b);
      }
    }
    for (int i = 0; i < 40_000; i++) {
      mul(any(r), any(r), r.nextBoolean() ? MAX : Integer.toUnsignedLong(r.nextInt()));
      divides(1 + r.nextInt(MAX), any(r));
      shape(any(r), any(r), any(r), any(r));
      int in = any(r);
      int k = any(r);
      int stride = any(r);
      int dilation = any(r);
      int pad = any(r);
      // outputs near the consistent size, so that both sides of the uncovered-rows test occur
      long natural = k > 0 && stride > 0 && dilation > 0
          ? ((long) in + pad - ((long) (k - 1) * dilation + 1)) / stride + 1 : any(r);
      int out = (int) Math.max(-1, Math.min(MAX, natural + r.nextInt(3) - 1));
      window(in, k, stride, dilation, pad, r.nextInt(4) == 0 ? any(r) : out);
    }
    Path input = dir.resolve("vectors.txt");
    Files.write(input, lines, StandardCharsets.US_ASCII);
    Path driver = HostGcc.testSource("kernel_args_driver.c");
    HostGcc.assertResults(lines, expected,
        HostGcc.run(HostGcc.compile(dir.resolve("driver-O2"), HostGcc.strictFlags("-O2"), driver), input), "gcc -O2");
    List<String> ubsan = HostGcc.strictFlags("-O1", "-fsanitize=undefined", "-fno-sanitize-recover=all");
    HostGcc.Result built = HostGcc.tryCompile(dir.resolve("driver-ubsan"), ubsan, driver);
    if (built.exitCode() != 0) {
      System.err.println("SKIPPED part: gcc cannot build with -fsanitize=undefined here:\n" + built.stderr());
      return;
    }
    HostGcc.assertResults(lines, expected, HostGcc.run(dir.resolve("driver-ubsan"), input), "gcc -fsanitize=undefined");
  }

  /** A non-negative int of a random bit length, sometimes -1 or 0. */
  private static int any(Random r) {
    int bits = r.nextInt(33);
    return bits == 32 ? -1 + r.nextInt(2) : (int) (r.nextLong() & ((1L << bits) - 1)) | (bits > 0 ? 1 << (bits - 1) : 0);
  }

  private void mul(int a, int b, long limit) {
    if (a < 0 || b < 0) {
      return;
    }
    long product = (long) a * b;
    add("M " + a + " " + b + " " + (int) limit, product <= limit ? "1 " + product : "0");
  }

  private void divides(int d, int n) {
    if (d > 0) {
      add("D " + d + " " + n, n % d == 0 ? "1" : "0");
    }
  }

  private void shape(int n, int h, int w, int c) {
    boolean ok = true;
    try {
      Shapes4.checkElementCount(new int[] {n, h, w, c}, "shape");
    } catch (IllegalArgumentException e) {
      ok = false;
    }
    add("S " + n + " " + h + " " + w + " " + c, ok ? "1" : "0");
  }

  private void window(int in, int k, int stride, int dilation, int pad, int out) {
    boolean ok = true;
    try {
      Shapes4.checkWindow(in, k, stride, dilation, pad, out, "axis");
    } catch (IllegalArgumentException e) {
      ok = false;
    }
    add("W " + in + " " + k + " " + stride + " " + dilation + " " + pad + " " + out, ok ? "1" : "0");
  }

  private void add(String line, String result) {
    lines.add(line);
    expected.add(result);
  }
}
