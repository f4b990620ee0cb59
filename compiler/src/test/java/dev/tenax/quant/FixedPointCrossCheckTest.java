package dev.tenax.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.quant.FixedPointVectors.Vector;
import dev.tenax.testing.HostGcc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@code runtime-c/include/tx_fixed_point.h} computes what the Java specification
 * computes, bit for bit, on edge cases and seeded random vectors. A second build with
 * UndefinedBehaviorSanitizer catches signed overflow and bad shifts on the same vectors: the C
 * must give the same bits with other compilers and targets (Cortex-M, MSP430 with 16-bit int),
 * where undefined behaviour would not. (UBSan cannot see everything, e.g. gcc folds
 * {@code x * (1 << n)} into an unchecked shift, so the header avoids such forms by design.)
 */
class FixedPointCrossCheckTest {
  private static final long SEED = 0x7E4A_0003L;

  @Test
  void cAgreesWithJavaBitForBit(@TempDir Path dir) throws IOException {
    HostGcc.require();
    List<Vector> vectors = FixedPointVectors.generate(SEED);
    assertTrue(vectors.size() >= 100_000, "only " + vectors.size() + " vectors");
    Path input = dir.resolve("vectors.txt");
    Files.write(input, vectors.stream().map(Vector::line).collect(Collectors.toList()),
        StandardCharsets.US_ASCII);
    Path driver = HostGcc.testSource("fixed_point_driver.c");

    Path optimized = HostGcc.compile(dir.resolve("driver-O2"), flags("-O2"), driver);
    assertSame(vectors, HostGcc.run(optimized, input), "gcc -O2");

    List<String> ubsan = flags("-O1", "-fsanitize=undefined", "-fno-sanitize-recover=all");
    Path sanitized = dir.resolve("driver-ubsan");
    HostGcc.Result r = HostGcc.tryCompile(sanitized, ubsan, driver);
    if (r.exitCode() != 0) {
      System.err.println("SKIPPED part: gcc cannot build with -fsanitize=undefined here:\n" + r.stderr());
      return;
    }
    assertSame(vectors, HostGcc.run(sanitized, input), "gcc -fsanitize=undefined");
  }

  private static List<String> flags(String... extra) {
    return Stream.concat(Stream.concat(HostGcc.STRICT.stream(), Stream.of(extra)),
        Stream.of("-I" + HostGcc.runtimeInclude())).collect(Collectors.toList());
  }

  private static void assertSame(List<Vector> vectors, List<String> actual, String build) {
    assertEquals(vectors.size(), actual.size(), build + ": number of results");
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i++) {
      Vector v = vectors.get(i);
      if (!Long.toString(v.expected()).equals(actual.get(i).trim())) {
        if (mismatches.size() < 20) {
          mismatches.add(v.line() + ": Java " + v.expected() + ", C " + actual.get(i));
        } else {
          mismatches.add("...");
          break;
        }
      }
    }
    assertTrue(mismatches.isEmpty(), build + ": C differs from Java on\n" + String.join("\n", mismatches));
  }
}
