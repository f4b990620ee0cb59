package dev.tenax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's toolchain check maps commands to Debian packages and says how to install them. */
class DemoToolchainsTest {
  @Test
  void commandsMapToTheirPackagesOnce() {
    assertEquals(List.of("gcc-arm-none-eabi", "libnewlib-arm-none-eabi", "qemu-system-arm", "make"),
        List.copyOf(DemoToolchains.packages(List.of("arm-none-eabi-gcc", "qemu-system-arm", "make"))));
    assertEquals(List.of("clang-19", "lld-19", "llvm-19", "mspdebug"),
        List.copyOf(DemoToolchains.packages(List.of("clang-19", "ld.lld-19", "llvm-size-19", "mspdebug"))));
  }

  @Test
  void withoutTheRightToInstallItPrintsTheCommand() throws Exception {
    StringWriter out = new StringWriter();
    assertFalse(DemoToolchains.install(Set.of("mspdebug"), false, new PrintWriter(out, true)));
    assertTrue(out.toString().contains("sudo apt-get update && sudo apt-get install -y mspdebug"), out.toString());
  }

  @Test
  void everyFamilyCommandIsAToolDoctorKnows() {
    for (DemoToolchains.Family f : DemoToolchains.Family.values()) {
      for (String c : f.commands) {
        assertTrue(DoctorCommand.TOOLS.stream().anyMatch(t -> t.command().equals(c)), c);
      }
    }
  }
}
