package dev.tenax.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A C program built with a Cortex-M board's support (qemu/common: startup, semihosting, tick
 * counter) and that board's flags and linker script from qemu/&lt;board&gt;/, then run under the
 * board's QEMU: how {@link BoardsTest} checks the boards and how kernel tests run C drivers on a
 * core without a generated project.
 */
public final class BareFirmware {
  private BareFirmware() {}

  static final List<String> SOURCES = List.of("common/startup.c", "common/semihost.c",
      "common/cycles.c");

  /** What a run printed and its exit status (main's return value, or TENAX_EXIT_FAULT). */
  public record Run(int status, String output) {}

  /**
   * Builds {@code sources} with the board support into {@code elf} with -O2, -Wall -Wextra -Werror
   * and {@code flags} (more warnings, include folders); fails the test when the build fails.
   */
  public static void build(String board, List<String> flags, List<Path> sources, Path elf) throws Exception {
    Path q = SharedData.repoRoot().resolve("qemu");
    Map<String, String> mk = BoardsTest.readBoardMk(q.resolve(board).resolve("board.mk"));
    List<String> cmd = new ArrayList<>(List.of("arm-none-eabi-gcc"));
    cmd.addAll(Arrays.asList(mk.get("TENAX_CFLAGS").split("\\s+")));
    cmd.addAll(List.of("-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-ffunction-sections",
        "-fdata-sections", "-I" + q.resolve("common")));
    cmd.addAll(flags);
    for (String s : SOURCES) {
      cmd.add(q.resolve(s).toString());
    }
    for (Path s : sources) {
      cmd.add(s.toString());
    }
    cmd.addAll(List.of("-nostartfiles", "--specs=nano.specs", "--specs=nosys.specs",
        "-Wl,--gc-sections", "-L" + q.resolve("common"), "-T" + q.resolve(board).resolve(board + ".ld"),
        "-o", elf.toString()));
    Run r = exec(cmd, elf.getParent(), 120);
    assertEquals(0, r.status, "build for " + board + ":\n" + r.output);
  }

  /** Runs {@code elf} under the board's QEMU (its TENAX_QEMU line) in {@code dir}, the semihosting files' folder. */
  public static Run run(String board, Path elf, Path dir, int seconds) throws Exception {
    Path mk = SharedData.repoRoot().resolve("qemu").resolve(board).resolve("board.mk");
    List<String> cmd = new ArrayList<>(Arrays.asList(BoardsTest.readBoardMk(mk).get("TENAX_QEMU").split("\\s+")));
    cmd.addAll(List.of("-kernel", elf.toString()));
    return exec(cmd, dir, seconds);
  }

  /**
   * Builds a case firmware (compiler/src/test/c/{@code driver}, which reads cases.bin and writes
   * results.bin through semihosting, see cortex_m_cases.h) with {@code kernel} and the runtime's
   * warnings, runs it in {@code dir} (where cases.bin is) and fails the test unless it reports
   * {@code cases} cases done; returns the results, little-endian.
   */
  public static java.nio.ByteBuffer runCases(String board, String driver, Path kernel, Path dir, int cases)
      throws Exception {
    Path elf = dir.resolve(driver.replace(".c", ".elf"));
    List<String> flags = new ArrayList<>(dev.tenax.testing.HostGcc.STRICT);
    flags.add("-I" + dev.tenax.testing.HostGcc.runtimeInclude());
    build(board, flags, List.of(dev.tenax.testing.HostGcc.testSource(driver), kernel), elf);
    Run run = run(board, elf, dir, 120);
    assertEquals(0, run.status(), run.output());
    if (!run.output().contains("TENAX-OK cases=" + cases + "\n")) {
      throw new AssertionError("the firmware did not report " + cases + " cases:\n" + run.output());
    }
    return java.nio.ByteBuffer.wrap(Files.readAllBytes(dir.resolve("results.bin")))
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
  }

  private static Run exec(List<String> cmd, Path dir, int seconds) throws Exception {
    // A file, not a pipe, so that a chatty process can never block on a full pipe.
    Path log = Files.createTempFile(dir, "exec", ".log");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    p.getOutputStream().close();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out after " + seconds + " s: " + String.join(" ", cmd));
    }
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
