package dev.tenax.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.codegen.Msp430RunTest;
import dev.tenax.testing.SharedData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MSP430 board support (qemu/msp430*) and the EABI helpers (runtime-c/msp430/src): a firmware
 * built with clang-19 and ld.lld-19 against each board's linker script runs in mspdebug's
 * simulator and checks random vectors of every helper against the results Java computed; the
 * test reads its result words back with save_raw. Skips visibly without the tools.
 */
class Msp430BoardTest {
  static final List<String> BOARDS = List.of("msp430fr5969", "msp430fr5994");

  @Test
  void everyMsp430BoardFolderIsTested() throws Exception {
    List<String> found = new ArrayList<>();
    try (Stream<Path> s = Files.list(SharedData.repoRoot().resolve("qemu"))) {
      s.filter(p -> p.getFileName().toString().startsWith("msp430") && Files.exists(p.resolve("board.mk")))
          .forEach(p -> found.add(p.getFileName().toString()));
    }
    found.sort(null);
    assertEquals(BOARDS, found);
  }

  @ParameterizedTest
  @ValueSource(strings = {"msp430fr5969", "msp430fr5994"})
  void helpersGiveJavasResultsOnRandomVectors(String board, @TempDir Path tmp) throws Exception {
    check(board, false, tmp);
  }

  /** The multiplication helpers on the simulator's 16x16 multiplier (base 0x0130), same vectors. */
  @Test
  void hardwareMultiplierHelpersGiveTheSameResults(@TempDir Path tmp) throws Exception {
    check("msp430fr5994", true, tmp);
  }

  private static void check(String board, boolean hwmult, Path tmp) throws Exception {
    Msp430RunTest.requireToolchain();
    Path repo = SharedData.repoRoot();
    Map<String, String> mk = BoardsTest.readBoardMk(repo.resolve("qemu").resolve(board).resolve("board.mk"));
    assertEquals(board, mk.get("TENAX_BOARD"));
    Path test = tmp.resolve("helpers.c");
    Files.writeString(test, new Msp430HelperVectors(board.hashCode(), 24).source());
    List<Path> sources = new ArrayList<>(List.of(test, repo.resolve("qemu/msp430-common/crt0.c")));
    try (Stream<Path> s = Files.list(repo.resolve("runtime-c/msp430/src"))) {
      s.sorted().filter(p -> !(hwmult && p.getFileName().toString().equals("tx_mspabi_mpy.c")))
          .forEach(sources::add);
    }
    if (hwmult) {
      sources.add(repo.resolve("runtime-c/msp430-hwmult/src/tx_mspabi_mpy.c"));
    }
    List<String> objects = new ArrayList<>();
    for (Path src : sources) {
      Path obj = tmp.resolve(src.getFileName() + ".o");
      List<String> cc = new ArrayList<>(List.of("clang-19"));
      cc.addAll(List.of(mk.get("TENAX_CFLAGS").split("\\s+")));
      cc.add("-DTX_MSP430_HWMULT_BASE=0x0130");
      cc.addAll(List.of("-std=c99", "-O2", "-ffreestanding", "-Wall", "-Werror", "-ffunction-sections",
          "-fdata-sections", "-I" + repo.resolve("qemu/msp430-common"), "-c", "-o", obj.toString(), src.toString()));
      run(cc, tmp, 120);
      objects.add(obj.toString());
    }
    Path elf = tmp.resolve("helpers.elf");
    List<String> ld = new ArrayList<>(List.of("ld.lld-19", "--gc-sections", "-L" + repo.resolve("qemu/msp430-common"),
        "-T" + repo.resolve("qemu").resolve(board).resolve(board + ".ld"), "-o", elf.toString()));
    ld.addAll(objects);
    run(ld, tmp, 120);
    Path result = tmp.resolve("result.bin");
    List<String> sim = new ArrayList<>(List.of(mk.get("TENAX_SIM").split("\\s+")));
    if (hwmult) {
      sim.add("simio add hwmult m");
    }
    sim.addAll(List.of("prog " + elf, "setbreak tenax_exit", "run", "save_raw tenax_result 12 " + result));
    String console = run(sim, tmp, 120);
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(result)).order(ByteOrder.LITTLE_ENDIAN);
    int failures = b.getInt();
    int first = b.getInt();
    assertEquals(0x7E57, b.getInt(), "the test firmware did not finish:\n" + console);
    assertEquals(0, failures, failures + " helper results differ from Java's; the first is operation "
        + first / 1000 + " (see Msp430HelperVectors.source for the order), vector " + first % 1000);
  }

  private static String run(List<String> cmd, Path dir, long seconds) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes());
    boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    assertTrue(done && p.exitValue() == 0, String.join(" ", cmd) + "\n" + out);
    return out;
  }
}
