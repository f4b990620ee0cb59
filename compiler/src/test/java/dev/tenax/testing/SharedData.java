package dev.tenax.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/** Locates {@code ../shared} beside the repository; tests that need it skip visibly without it. */
public final class SharedData {
  private SharedData() {}

  public static Path repoRoot() {
    String r = System.getProperty("tenax.repo");
    return (r != null ? Paths.get(r) : Paths.get("..")).toAbsolutePath().normalize();
  }

  /** The shared folder, or null when it is absent. */
  public static Path sharedOrNull() {
    String s = System.getProperty("tenax.shared");
    Path p = s != null ? Paths.get(s) : repoRoot().resolveSibling("shared");
    return Files.isDirectory(p) ? p : null;
  }

  /** The shared folder; skips the calling test with a visible message when it is absent. */
  public static Path require(String sub) {
    Path s = sharedOrNull();
    if (s == null) {
      System.err.println("SKIPPED: ../shared is absent; tests that read shared data do not run");
    }
    Assumptions.assumeTrue(s != null, "../shared is absent: skipping tests that read shared data");
    Path p = s.resolve(sub);
    Assumptions.assumeTrue(Files.exists(p), "../shared/" + sub + " is absent");
    return p;
  }
}
