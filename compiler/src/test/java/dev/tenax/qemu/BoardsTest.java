package dev.tenax.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The board support in {@code qemu/} works on every Cortex-M board: qemu/test/sum.c, built with
 * the board's flags and linker script, reads a host file through semihosting, writes its byte sum
 * to another, prints the sentinel and exits 0 under QEMU; the same firmware given "FAULT" reads an
 * unmapped address and must end with the fault reported and a non-zero status; NVM keeps its
 * contents over a system reset. Skips visibly
 * without arm-none-eabi-gcc or qemu-system-arm.
 */
class BoardsTest {
  static final List<String> BOARDS = List.of("microbit", "mps2-an385", "mps2-an386", "mps2-an500",
      "mps2-an505", "mps3-an547");
  static final int EXIT_FAULT = 134; // TENAX_EXIT_FAULT in qemu/common/semihost.h
  static final Pattern MK_LINE = Pattern.compile("^(TENAX_[A-Z_]+) := (.*)$");

  static Path qemuDir() {
    return SharedData.repoRoot().resolve("qemu");
  }

  static Stream<String> boards() {
    return BOARDS.stream();
  }

  @Test
  void everyBoardFolderIsTested() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> s = Files.list(qemuDir())) {
      // MSP430 boards run under mspdebug sim and have their own test (Msp430BoardTest).
      s.filter(p -> Files.exists(p.resolve("board.mk")) && !p.getFileName().toString().startsWith("msp430"))
          .forEach(p -> found.add(p.getFileName().toString()));
    }
    found.sort(null);
    assertEquals(BOARDS, found);
    for (String b : BOARDS) {
      assertTrue(Files.exists(qemuDir().resolve(b).resolve(b + ".ld")), b + ".ld");
    }
  }

  @ParameterizedTest
  @MethodSource("boards")
  void firmwareDoesFileIoAndReportsFaults(String board, @TempDir Path tmp) throws Exception {
    assumeTool("arm-none-eabi-gcc", "--version");
    assumeTool("qemu-system-arm", "--version");
    Map<String, String> mk = readBoardMk(qemuDir().resolve(board).resolve("board.mk"));
    assertEquals(board, mk.get("TENAX_BOARD"));
    Path elf = tmp.resolve("fw.elf");
    BareFirmware.build(board, List.of(), List.of(qemuDir().resolve("test/sum.c")), elf);

    byte[] input = new byte[200];
    long sum = 0;
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) (i * 37 + 11);
      sum += input[i] & 0xFF;
    }
    Path ok = Files.createDirectory(tmp.resolve("ok"));
    Files.write(ok.resolve("input.bin"), input);
    BareFirmware.Run r = BareFirmware.run(board, elf, ok, 30);
    assertEquals(0, r.status(), r.output());
    assertTrue(r.output().contains("TENAX-OK sum=" + sum + " "), r.output());
    byte[] expected = {(byte) sum, (byte) (sum >> 8), (byte) (sum >> 16), (byte) (sum >> 24)};
    assertArrayEquals(expected, Files.readAllBytes(ok.resolve("output.bin")));

    Path fault = Files.createDirectory(tmp.resolve("fault"));
    Files.writeString(fault.resolve("input.bin"), "FAULT please");
    BareFirmware.Run f = BareFirmware.run(board, elf, fault, 30);
    assertEquals(EXIT_FAULT, f.status(), f.output());
    assertTrue(f.output().contains("TENAX-FAULT hardfault pc=0x"), f.output());
    assertFalse(f.output().contains("TENAX-OK"), f.output());
    assertFalse(Files.exists(fault.resolve("output.bin")));
    if (!board.equals("microbit")) { // ARMv6-M has no fault status registers
      assertTrue(f.output().contains("bfar=0xe0f00000"), f.output());
    }
  }

  /** What the power-failure harness relies on: .tenax_nvm keeps its value over SYSRESETREQ. */
  @ParameterizedTest
  @MethodSource("boards")
  void nvmSurvivesSystemReset(String board, @TempDir Path tmp) throws Exception {
    assumeTool("arm-none-eabi-gcc", "--version");
    assumeTool("qemu-system-arm", "--version");
    Path elf = tmp.resolve("nvm.elf");
    BareFirmware.build(board, List.of(), List.of(qemuDir().resolve("test/nvm_reset.c")), elf);
    BareFirmware.Run r = BareFirmware.run(board, elf, tmp, 30);
    assertEquals(0, r.status(), r.output());
    assertTrue(r.output().contains("TENAX-BOOT 1\nTENAX-BOOT 2\nTENAX-BOOT 3\nTENAX-OK boots=3"), r.output());
  }

  static Map<String, String> readBoardMk(Path file) throws IOException {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      Matcher m = MK_LINE.matcher(line);
      if (m.matches()) {
        vars.put(m.group(1), m.group(2).trim());
      }
    }
    return vars;
  }

  private static void assumeTool(String tool, String arg) {
    boolean ok;
    try {
      Process p = new ProcessBuilder(tool, arg).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      ok = false;
    }
    if (!ok) {
      System.err.println("SKIPPED: " + tool + " is not installed: Cortex-M board tests do not run");
    }
    Assumptions.assumeTrue(ok, tool + " is not installed: Cortex-M board tests skipped");
  }
}
