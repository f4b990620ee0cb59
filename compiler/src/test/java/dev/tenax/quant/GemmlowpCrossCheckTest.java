package dev.tenax.quant;

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
 * Proves that {@code runtime-c/include/tx_gemmlowp.h} computes what {@link GemmlowpFixedPoint}
 * computes, bit for bit, on edge cases and seeded random operands, once optimized and once under
 * UndefinedBehaviorSanitizer.
 */
class GemmlowpCrossCheckTest {
  @Test
  void cAgreesWithJavaBitForBit(@TempDir Path dir) throws IOException {
    HostGcc.require();
    Random r = new Random(0x7E4A_6E41L);
    List<String> lines = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    int[] edges = {0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1,
        1 << 24, -(1 << 24), (1 << 24) - 1, 1 << 29, -(1 << 29), 1 << 30, -(1 << 30)};
    for (int i = 0; i < 40_000; i++) {
      int a = i < edges.length ? edges[i] : r.nextInt();
      int b = r.nextInt(4) == 0 ? edges[r.nextInt(edges.length)] : r.nextInt();
      int e = r.nextInt(63) - 31;
      int nonPositive = a == Integer.MIN_VALUE ? a : -Math.abs(a);
      int quarter = -r.nextInt(1 << 29); // the polynomial's domain (0, -1/4], in Q0.31
      add(lines, expected, "P " + a + " " + e, GemmlowpFixedPoint.saturatingRoundingMultiplyByPot(a, e));
      add(lines, expected, "S " + a + " " + b, GemmlowpFixedPoint.roundingHalfSum(a, b));
      add(lines, expected, "Q " + quarter,
          GemmlowpFixedPoint.expOnIntervalBetweenNegativeOneQuarterAnd0Excl(quarter));
      add(lines, expected, "E " + nonPositive, GemmlowpFixedPoint.expOnNegativeValues(nonPositive));
      // outside their domains the functions still must agree: every int32 operand
      add(lines, expected, "E " + a, GemmlowpFixedPoint.expOnNegativeValues(a));
      add(lines, expected, "O " + a, GemmlowpFixedPoint.oneOverOnePlusXForXIn01(a));
    }
    Path input = dir.resolve("vectors.txt");
    Files.write(input, lines, StandardCharsets.US_ASCII);
    Path driver = HostGcc.testSource("gemmlowp_driver.c");
    Path optimized = HostGcc.compile(dir.resolve("gemmlowp-O2"), HostGcc.strictFlags("-O2"), driver);
    HostGcc.assertResults(lines, expected, HostGcc.run(optimized, input), "gcc -O2");
    Path sanitized = dir.resolve("gemmlowp-ubsan");
    HostGcc.Result res = HostGcc.tryCompile(sanitized,
        HostGcc.strictFlags("-O1", "-fsanitize=undefined", "-fno-sanitize-recover=all"), driver);
    if (res.exitCode() != 0) {
      System.err.println("SKIPPED part: gcc cannot build with -fsanitize=undefined here:\n" + res.stderr());
      return;
    }
    HostGcc.assertResults(lines, expected, HostGcc.run(sanitized, input), "gcc -fsanitize=undefined");
  }

  private static void add(List<String> lines, List<String> expected, String line, int result) {
    lines.add(line);
    expected.add(Integer.toString(result));
  }
}
