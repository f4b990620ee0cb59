package dev.tenax.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.codegen.CortexMRunTest;
import dev.tenax.codegen.EmitOptions;
import dev.tenax.codegen.KernelCoverageTest;
import dev.tenax.codegen.ModelCompiler;
import dev.tenax.target.Target;
import dev.tenax.target.Targets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code make flash} and {@code make run-hw} link for a real board. Nothing here can flash (no
 * probe on a CI machine), so this checks what the link decides: the vector table at the part's
 * boot address, the initial stack pointer inside its SRAM, and a clear error for a board we have
 * no linker script for.
 */
class HardwareBoardsTest {
  @ParameterizedTest
  @ValueSource(strings = {"cortex-m0", "cortex-m3", "cortex-m4", "cortex-m7", "cortex-m33"})
  void theHardwareElfBootsFromTheNucleoFlash(String target, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Target t = Targets.find(target).orElseThrow();
    ModelCompiler.compile(KernelCoverageTest.model(), new EmitOptions("m", target, null, "test", "m.onnx", "0"), dir);
    Map<String, String> mk = BoardsTest.readBoardMk(dir.resolve("board/board.mk"));
    String board = mk.get("TENAX_HW_BOARD");
    assertTrue(board.startsWith("nucleo-") && !mk.get("TENAX_OPENOCD_TARGET").isEmpty(), mk.toString());
    Result make = run(dir, "make", "hw");
    assertEquals(0, make.code, make.out);
    String sections = run(dir, "arm-none-eabi-readelf", "-S", "m-hw.elf").out;
    Matcher text = Pattern.compile("\\.text\\s+PROGBITS\\s+([0-9a-f]{8})").matcher(sections);
    assertTrue(text.find(), sections);
    assertEquals("08000000", text.group(1), target + " on " + board);
    // The first vector is the initial stack pointer: the top of the board's SRAM region.
    String vectors = run(dir, "arm-none-eabi-objdump", "-s", "-j", ".text", "--stop-address=0x08000004", "m-hw.elf").out;
    Matcher sp = Pattern.compile("8000000 ([0-9a-f]{8})").matcher(vectors);
    assertTrue(sp.find(), vectors);
    long stackTop = Integer.toUnsignedLong(Integer.reverseBytes((int) Long.parseLong(sp.group(1), 16)));
    assertTrue(stackTop > 0x20000000L && stackTop <= 0x20080000L, Long.toHexString(stackTop));
    assertNotEquals(t.qemuMachine(), board);
  }

  @Test
  void aTargetWithoutADefaultBoardAsksTheUserForOne(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    ModelCompiler.compile(KernelCoverageTest.model(), new EmitOptions("m", "cortex-m55", null, "test", "m.onnx", "0"),
        dir);
    Result make = run(dir, "make", "flash");
    assertEquals(2, make.code, make.out);
    assertTrue(make.out.contains("set HW_BOARD"), make.out);
  }

  private record Result(int code, String out) {}

  private static Result run(Path dir, String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    return new Result(p.waitFor(), out);
  }
}
