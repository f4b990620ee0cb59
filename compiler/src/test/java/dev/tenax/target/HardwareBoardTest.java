package dev.tenax.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * make flash's default board per Cortex-M target, with the memories its linker script gives (the
 * table in qemu/boards.md, "Real boards").
 */
class HardwareBoardTest {
  @ParameterizedTest
  @CsvSource({"cortex-m0, nucleo-f072rb, 128, 16", "cortex-m3, nucleo-f103rb, 128, 20",
      "cortex-m4, nucleo-f446re, 512, 128", "cortex-m7, nucleo-f767zi, 2048, 512",
      "cortex-m33, nucleo-l552ze-q, 512, 256"})
  void eachCortexTargetHasItsNucleoWithTheLinkerScriptsMemories(String target, String board, long flashKb,
      long sramKb) {
    Target t = Targets.find(target).orElseThrow();
    HardwareBoard b = HardwareBoard.defaultFor(t).orElseThrow();
    assertEquals(new HardwareBoard(board, flashKb * 1024, sramKb * 1024), b);
    Target on = b.asTarget(t);
    assertEquals(flashKb * 1024, on.flashBytes());
    assertEquals(sramKb * 1024, on.sramBytes());
    assertEquals(t.cflags(), on.cflags());
    assertTrue(on.description().contains(board), on.description());
  }

  @Test
  void theOthersHaveNone() {
    for (String name : new String[] {"cortex-m55", "host", "msp430fr5994"}) {
      assertTrue(HardwareBoard.defaultFor(Targets.find(name).orElseThrow()).isEmpty(), name);
    }
  }
}
