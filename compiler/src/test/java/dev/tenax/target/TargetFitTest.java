package dev.tenax.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetFitTest {
  /** The NVM sizes the fit check uses are the linker scripts' (qemu/<board>/<board>.ld). */
  @Test
  void nvmSizesMatchTheLinkerScripts() throws Exception {
    java.util.regex.Pattern nvm = java.util.regex.Pattern.compile("NVM \\(rw\\)\\s*:.*LENGTH = (\\d+)([KM])");
    for (var e : TargetFit.NVM_BYTES.entrySet()) {
      String ld = java.nio.file.Files.readString(dev.tenax.testing.SharedData.repoRoot()
          .resolve("qemu/" + e.getKey() + "/" + e.getKey() + ".ld"));
      java.util.regex.Matcher m = nvm.matcher(ld);
      assertTrue(m.find(), e.getKey());
      long bytes = Long.parseLong(m.group(1)) << (m.group(2).equals("K") ? 10 : 20);
      assertEquals(bytes, e.getValue().longValue(), e.getKey());
    }
    for (Target t : Targets.all()) {
      assertTrue(!t.family().equals("cortex-m") || TargetFit.NVM_BYTES.containsKey(t.qemuMachine()), t.name());
    }
  }

  /** An intermittent build keeps its arena and tensors in the board's NVM region. */
  @Test
  void intermittentBuildsMustFitTheBoardsNvm() {
    Target m0 = Targets.find("cortex-m0").orElseThrow();
    List<Diagnostic> d = TargetFit.check(m0, 1_000, 1_900, 100, true);
    assertEquals(1, d.size(), d.toString());
    assertTrue(d.get(0).message().contains("2,128 bytes of NVM") && d.get(0).message().contains("2,048"),
        d.get(0).message());
    assertTrue(TargetFit.check(m0, 1_000, 1_700, 100, true).isEmpty());
    // In NVM, the arena no longer counts against SRAM.
    assertTrue(TargetFit.check(Targets.find("cortex-m4").orElseThrow(), 1_000, 3_000_000, 1_000_000, true).isEmpty());
  }

  @Test
  void everyCortexMTargetHasABoardMemoriesAndFlags() {
    assertEquals(List.of("host", "cortex-m0", "cortex-m3", "cortex-m4", "cortex-m7", "cortex-m33",
        "cortex-m55", "msp430fr5994", "msp430fr5969"), Targets.names());
    for (Target t : Targets.all()) {
      if (t.family().equals("cortex-m")) {
        assertTrue(t.flashBytes() > 0 && t.sramBytes() > 0 && t.qemuMachine() != null, t.toString());
        assertTrue(t.cflags().contains("-mcpu=" + t.name()), t.toString());
      }
    }
    assertTrue(Targets.find("cortex-m4").orElseThrow().hasFeature("dsp"));
    assertTrue(Targets.find("cortex-m55").orElseThrow().hasFeature("mve"));
  }

  /** DS-CNN KWS on the micro:bit: the arena alone nearly fills its 16 KB of SRAM. */
  @Test
  void aModelTooBigForTheTargetIsRefusedWithTheNumbers() {
    Target m0 = Targets.find("cortex-m0").orElseThrow();
    List<Diagnostic> d = TargetFit.check(m0, 37_584, 16_000, 2_008);
    assertEquals(1, d.size(), d.toString());
    assertEquals(Code.TX090, d.get(0).code());
    assertTrue(d.get(0).message().contains("22,104 bytes of SRAM") && d.get(0).message().contains("14,336"),
        d.get(0).message());
    assertTrue(TargetFit.check(Targets.find("cortex-m4").orElseThrow(), 37_584, 16_000, 2_008).isEmpty());
    List<Diagnostic> flash = TargetFit.check(m0, 300_000, 100, 8);
    assertTrue(flash.get(0).message().contains("324,576 bytes of flash"), flash.toString());
    assertTrue(TargetFit.check(Targets.find("host").orElseThrow(), 1L << 40, 1L << 40, 0).isEmpty());
  }

  /** MSP430: everything lives below 64 KB; the arena moves to FRAM when SRAM is too small. */
  @Test
  void msp430PartsPlaceTheArenaAndRefuseWhatExceedsTheLowFram() {
    Target fr5994 = Targets.find("msp430fr5994").orElseThrow();
    Target fr5969 = Targets.find("msp430fr5969").orElseThrow();
    assertTrue(Msp430Fit.arenaInSram(fr5994, 4_000));
    assertTrue(!Msp430Fit.arenaInSram(fr5969, 4_000));
    assertTrue(TargetFit.check(fr5994, 20_000, 4_000, 3_176).isEmpty());
    // The same model on the FR5969: the 4,000-byte arena joins the FRAM budget and still fits.
    assertTrue(TargetFit.check(fr5969, 20_000, 4_000, 3_176).isEmpty());
    // 53,560 bytes estimated is 12% over the FR5969's 48,000: close enough that the link decides
    assertTrue(TargetFit.check(fr5969, 30_000, 4_000, 3_176).isEmpty());
    // 58,560 is 22% over, more than the estimate's error: refused without linking
    List<Diagnostic> d = TargetFit.check(fr5969, 35_000, 4_000, 3_176);
    assertEquals(1, d.size(), d.toString());
    assertTrue(d.get(0).message().contains("58,560 bytes of FRAM below 64 KB")
        && d.get(0).message().contains("48,000") && d.get(0).message().contains("4,000 of arena"), d.toString());
  }
}
