package dev.tenax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code tenax doctor} lists every tool with a version or an install hint. */
class DoctorCommandTest {
  @Test
  void everyToolHasALineWithItsVersionOrHowToInstallIt() {
    StringWriter out = new StringWriter();
    assertEquals(0, TenaxMain.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "doctor"));
    String text = out.toString();
    for (DoctorCommand.Tool t : DoctorCommand.TOOLS) {
      String line = text.lines().filter(l -> l.startsWith(t.command() + " ")).findFirst().orElse("");
      assertTrue(line.contains(t.neededFor()), "no line for " + t.command() + " in\n" + text);
      assertTrue(line.matches(".*\\d+\\.\\d+.*") || line.contains("MISSING ("), line);
    }
  }

  @Test
  void aToolThatIsNotThereIsMissing() {
    assertNull(DoctorCommand.version(new DoctorCommand.Tool("tenax-no-such-tool-xyz", List.of("--version"), "x", "y")));
  }
}
