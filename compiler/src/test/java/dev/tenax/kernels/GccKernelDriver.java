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
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a kernel's C test driver on cases Java wrote and compares its output with Java's, bit for
 * bit, once built with -O2 and once with UndefinedBehaviorSanitizer.
 *
 * <p>The protocol: one case per line of whitespace-separated integers; an array is its length
 * followed by its values, so a driver never has to compute sizes from possibly inconsistent
 * shapes. The driver prints one line per case: {@code E} when the kernel returned an error,
 * otherwise the outputs separated by single spaces.
 */
final class GccKernelDriver {
  private GccKernelDriver() {}

  /** A case line under construction. */
  static final class Line {
    private final StringBuilder sb = new StringBuilder();

    Line ints(int... values) {
      for (int v : values) {
        sb.append(v).append(' ');
      }
      return this;
    }

    Line array(byte[] values) {
      sb.append(values.length).append(' ');
      for (byte v : values) {
        sb.append(v).append(' ');
      }
      return this;
    }

    Line array(int[] values) {
      sb.append(values.length).append(' ');
      for (int v : values) {
        sb.append(v).append(' ');
      }
      return this;
    }

    @Override
    public String toString() {
      return sb.toString().trim();
    }
  }

  /** What the driver prints for a kernel result. */
  static String expected(byte[] out) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < out.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(out[i]);
    }
    return sb.toString();
  }

  static void crossCheck(Path dir, String driver, String kernelSource, List<String> cases,
      List<String> expected) throws IOException {
    HostGcc.require();
    assertEquals(cases.size(), expected.size());
    Path input = dir.resolve("cases.txt");
    Files.write(input, cases, StandardCharsets.US_ASCII);
    Path[] sources = {HostGcc.testSource(driver),
        SharedData.repoRoot().resolve("runtime-c/src").resolve(kernelSource)};

    Path optimized = HostGcc.compile(dir.resolve("driver-O2"), flags("-O2"), sources);
    compare(cases, expected, HostGcc.run(optimized, input), "gcc -O2");

    List<String> ubsan = flags("-O1", "-fsanitize=undefined", "-fno-sanitize-recover=all");
    Path sanitized = dir.resolve("driver-ubsan");
    HostGcc.Result r = HostGcc.tryCompile(sanitized, ubsan, sources);
    if (r.exitCode() != 0) {
      System.err.println("SKIPPED part: gcc cannot build with -fsanitize=undefined here:\n"
          + r.stderr());
      return;
    }
    compare(cases, expected, HostGcc.run(sanitized, input), "gcc -fsanitize=undefined");
  }

  private static List<String> flags(String... extra) {
    return Stream.concat(Stream.concat(HostGcc.STRICT.stream(), Stream.of(extra)),
        Stream.of("-I" + HostGcc.runtimeInclude())).collect(Collectors.toList());
  }

  private static void compare(List<String> cases, List<String> expected, List<String> actual,
      String build) {
    assertEquals(expected.size(), actual.size(), build + ": number of results");
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < expected.size() && mismatches.size() < 5; i++) {
      if (!expected.get(i).equals(actual.get(i).trim())) {
        mismatches.add("case " + i + ": " + cases.get(i) + "\n  Java: " + expected.get(i)
            + "\n  C:    " + actual.get(i));
      }
    }
    assertTrue(mismatches.isEmpty(), build + ": C differs from Java on\n"
        + String.join("\n", mismatches));
  }
}
