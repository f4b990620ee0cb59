package dev.tenax.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Docs rendered from code: a test compares the committed file with the renderer's output, and
 * rewrites it when run with {@code -Dtenax.regenerate=true} (golden files are never edited by hand).
 */
public final class GeneratedDocs {
  private GeneratedDocs() {}

  /** Fails unless {@code repoPath} holds {@code expected}, naming the command that regenerates it. */
  public static void check(String repoPath, String expected, Class<?> test) throws IOException {
    Path doc = SharedData.repoRoot().resolve(repoPath);
    if (Boolean.getBoolean("tenax.regenerate")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, expected, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
    assertEquals(expected, actual, repoPath + " is stale: run mvn -q -pl compiler test -Dtest="
        + test.getSimpleName() + " -Dtenax.regenerate=true");
  }
}
