package dev.tenax.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.diag.DiagnosticsDoc;
import dev.tenax.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md is generated from the Code enum; regenerate with -Dtenax.regenerate=true. */
class DiagnosticsDocTest {
  @Test
  void docsListEveryCode() throws Exception {
    Path doc = SharedData.repoRoot().resolve("docs/diagnostics.md");
    String expected = DiagnosticsDoc.render();
    if (Boolean.getBoolean("tenax.regenerate")) {
      Files.writeString(doc, expected, StandardCharsets.UTF_8);
    }
    assertEquals(expected, Files.readString(doc, StandardCharsets.UTF_8),
        "docs/diagnostics.md is stale: run mvn -q -pl compiler test -Dtest=DiagnosticsDocTest -Dtenax.regenerate=true");
  }
}
