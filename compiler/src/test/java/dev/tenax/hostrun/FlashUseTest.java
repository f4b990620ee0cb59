package dev.tenax.hostrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.codegen.CortexMRunTest;
import dev.tenax.codegen.EmitOptions;
import dev.tenax.codegen.KernelCoverageTest;
import dev.tenax.codegen.ModelCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlashUseTest {
  /** Both input-section layouts of ld's map (name and numbers on one line, or on two), fill, archives. */
  @Test
  void attributesEveryInputSectionToItsOwner(@TempDir Path dir) throws IOException {
    Path map = dir.resolve("m.map");
    Files.writeString(map, String.join("\n",
        "Archive member included to satisfy reference by file (symbol)",
        "",
        "/usr/lib/libgcc.a(_aeabi_ldivmod.o)",
        "                              runtime/src/tx_conv2d_s8.o (__aeabi_ldivmod)",
        "/usr/lib/libgcc.a(_udivmoddi4.o)",
        "                              /usr/lib/libgcc.a(_aeabi_ldivmod.o) (__udivmoddi4)",
        "/usr/lib/libc_nano.a(lib_a-strcmp.o)",
        "                              board/semihost.o (strcmp)",
        "",
        "Discarded input sections",
        " .text          0x00000000      0x999 ignored-before-the-memory-map.o",
        "Linker script and memory map",
        ".text           0x00000000     0x1000",
        " *(.vectors)",
        " .vectors       0x00000000       0xc0 board/startup.o",
        " .text.m_invoke",
        "                0x000000c0      0x100 m.o",
        "                0x000000c0                m_invoke",
        " .text.tx_conv2d_s8",
        "                0x000001c0      0x200 runtime/src/tx_conv2d_s8.o",
        " .text          0x000003c0       0x20 /usr/lib/libgcc.a(_aeabi_ldivmod.o)",
        " .text          0x000003e0       0x10 /usr/lib/libgcc.a(_udivmoddi4.o)",
        " .text          0x000003f0       0x10 /usr/lib/libc_nano.a(lib_a-strcmp.o)",
        " *fill*         0x00000400        0x4 ",
        " .text.startup.main",
        "                0x00000404       0x20 main.o",
        ".tenax_weights  0x00001000      0x300",
        " .tenax_weights",
        "                0x00001000      0x300 m_weights.o",
        ".bss            0x20000000      0x500",
        " .bss           0x20000000      0x500 main.o",
        ".debug_info     0x00000000      0x91b",
        " .debug_info    0x00000000      0x91b m.o"));
    FlashUse f = FlashUse.read(map, "m.o");
    assertEquals(new FlashUse(0x300, 0x300, 0x30, 0xc0 + 0x10 + 0x4 + 0x20), f);
    assertEquals(0x300 + 0x330 + 0xf4, f.total());
  }

  @Test
  void aFileThatIsNotAMapIsRefused(@TempDir Path dir) throws IOException {
    Path map = dir.resolve("x.map");
    Files.writeString(map, "not a map\n");
    assertTrue(assertThrows(IOException.class, () -> FlashUse.read(map, "m.o")).getMessage().contains("make"));
  }

  /** On a real link, the owners add up to the flash sections the ELF holds. */
  @Test
  void ownersAddUpToTheElfsFlashSections(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    ModelCompiler.compile(KernelCoverageTest.model(), new EmitOptions("m", "cortex-m4", null, "test", "m.onnx", "0"), dir);
    HostBuild.make(dir, "m.elf");
    FlashUse f = FlashUse.read(dir.resolve("m.map"), "m.o");
    Process p = new ProcessBuilder("arm-none-eabi-size", "-A", dir.resolve("m.elf").toString()).start();
    Map<String, Long> sections = new HashMap<>();
    for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
      String[] w = line.trim().split("\\s+");
      if (w.length == 3 && w[0].startsWith(".")) {
        sections.put(w[0], Long.parseLong(w[1]));
      }
    }
    assertEquals(0, p.waitFor());
    assertEquals(sections.get(".tenax_weights"), f.weights());
    long flash = sections.get(".text") + sections.getOrDefault(".ARM.exidx", 0L) + sections.getOrDefault(".data", 0L)
        + sections.get(".tenax_weights");
    assertEquals(flash, f.total(), sections.toString());
    assertTrue(f.modelCode() > 1000 && f.harness() > 100, f.toString());
  }
}
