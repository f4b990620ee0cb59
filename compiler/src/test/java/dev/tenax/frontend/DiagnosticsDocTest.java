package dev.tenax.frontend;

import dev.tenax.diag.DiagnosticsDoc;
import dev.tenax.testing.GeneratedDocs;
import org.junit.jupiter.api.Test;

/** docs/diagnostics.md is generated from the Code enum; regenerate with -Dtenax.regenerate=true. */
class DiagnosticsDocTest {
  @Test
  void docsListEveryCode() throws Exception {
    GeneratedDocs.check("docs/diagnostics.md", DiagnosticsDoc.render(), DiagnosticsDocTest.class);
  }
}
