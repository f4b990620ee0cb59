package dev.tenax.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The host C compiler for tests that check C against the Java specification. Tests that need it
 * skip visibly when {@code gcc} is absent.
 */
public final class HostGcc {
  /** The warnings every runtime C file must compile without, beyond those the brief requires. */
  public static final List<String> STRICT = List.of("-std=c99", "-Wall", "-Wextra", "-Werror",
      "-pedantic", "-Wconversion", "-Wsign-conversion", "-Wshadow", "-Wstrict-prototypes");

  private static final long TIMEOUT_SECONDS = 120;

  private HostGcc() {}

  /** The runtime's public headers, {@code runtime-c/include}. */
  public static Path runtimeInclude() {
    return SharedData.repoRoot().resolve("runtime-c/include");
  }

  /** A C source of the test tree, {@code compiler/src/test/c/<name>}. */
  public static Path testSource(String name) {
    return SharedData.repoRoot().resolve("compiler/src/test/c").resolve(name);
  }

  /** Skips the calling test, with a message on stderr, when gcc cannot be run. */
  public static void require() {
    boolean present;
    try {
      present = exec(List.of("gcc", "--version"), null, null).exitCode == 0;
    } catch (IOException e) {
      present = false;
    }
    if (!present) {
      System.err.println("SKIPPED: gcc is not on the PATH; C-versus-Java bit-exactness tests do not run");
    }
    Assumptions.assumeTrue(present, "gcc is not on the PATH: skipping C-versus-Java bit-exactness tests");
  }

  /** Compiles {@code sources} to {@code exe}; fails the test with gcc's messages on error. */
  public static Path compile(Path exe, List<String> flags, Path... sources) throws IOException {
    Result r = tryCompile(exe, flags, sources);
    if (r.exitCode != 0) {
      fail("gcc failed (" + String.join(" ", r.command) + "):\n" + r.stderr);
    }
    return exe;
  }

  /** Compiles like {@link #compile} but reports failure instead of failing the test. */
  public static Result tryCompile(Path exe, List<String> flags, Path... sources) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add("gcc");
    cmd.addAll(flags);
    for (Path s : sources) {
      cmd.add(s.toString());
    }
    cmd.add("-o");
    cmd.add(exe.toString());
    return exec(cmd, null, null);
  }

  /** {@link #STRICT}, then {@code extra}, then the runtime's include folder. */
  public static List<String> strictFlags(String... extra) {
    List<String> flags = new ArrayList<>(STRICT);
    flags.addAll(List.of(extra));
    flags.add("-I" + runtimeInclude());
    return flags;
  }

  /**
   * A driver's output lines against Java's: fails with the first 20 input lines whose results
   * differ ({@code lines}: the driver's input, one case a line).
   */
  public static void assertResults(List<String> lines, List<String> expected, List<String> actual,
      String build) {
    assertEquals(expected.size(), actual.size(), build + ": number of results");
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < expected.size() && mismatches.size() < 20; i++) {
      if (!expected.get(i).equals(actual.get(i).trim())) {
        mismatches.add(lines.get(i) + ": Java " + expected.get(i) + ", C " + actual.get(i));
      }
    }
    assertTrue(mismatches.isEmpty(), build + ": C differs from Java on\n" + String.join("\n", mismatches));
  }

  /** Runs {@code exe} with {@code stdin} as its input; fails the test unless it exits with 0. */
  public static List<String> run(Path exe, Path stdin) throws IOException {
    Path out = Files.createTempFile(exe.getParent(), exe.getFileName() + "-", ".out");
    Result r = exec(List.of(exe.toString()), stdin, out);
    assertEquals(0, r.exitCode, () -> exe.getFileName() + " failed:\n" + r.stderr);
    return Files.readAllLines(out, StandardCharsets.US_ASCII);
  }

  /** What a process did. */
  public record Result(List<String> command, int exitCode, String stderr) {}

  private static Result exec(List<String> cmd, Path stdin, Path stdout) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Path err = Files.createTempFile("tenax-gcc-", ".err");
    try {
      pb.redirectError(err.toFile());
      pb.redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile())
          : ProcessBuilder.Redirect.PIPE);
      pb.redirectOutput(stdout != null ? ProcessBuilder.Redirect.to(stdout.toFile())
          : ProcessBuilder.Redirect.DISCARD);
      Process p = pb.start();
      if (stdin == null) {
        p.getOutputStream().close();
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", cmd) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(cmd, p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + cmd.get(0), e);
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
