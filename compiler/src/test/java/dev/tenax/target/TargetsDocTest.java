package dev.tenax.target;

import dev.tenax.testing.GeneratedDocs;
import org.junit.jupiter.api.Test;

/** docs/guide/targets.md is generated from Targets; regenerate with -Dtenax.regenerate=true. */
class TargetsDocTest {
  @Test
  void docsListEveryTarget() throws Exception {
    GeneratedDocs.check("docs/guide/targets.md", TargetsDoc.render(), TargetsDocTest.class);
  }
}
