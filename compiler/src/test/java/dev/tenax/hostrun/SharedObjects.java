package dev.tenax.hostrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds C sources into a shared library with the host gcc for tests of the bridge. Tests that
 * call {@link #build} skip (JUnit assumption, reported as skipped) when gcc is not on the PATH.
 */
final class SharedObjects {
  private static Boolean gccPresent;

  private SharedObjects() {}

  static synchronized boolean gccAvailable() {
    if (gccPresent == null) {
      try {
        Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        gccPresent = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        gccPresent = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        gccPresent = false;
      }
    }
    return gccPresent;
  }

  /** Writes {@code source} to {@code dir/name.c} and compiles it into {@code dir/libname.so}. */
  static Path build(Path dir, String name, String source) throws IOException, InterruptedException {
    Assumptions.assumeTrue(gccAvailable(), "gcc is not on the PATH: skipping tests that compile C");
    Path c = dir.resolve(name + ".c");
    Path so = dir.resolve("lib" + name + ".so");
    Files.writeString(c, source, StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>(List.of(
        "gcc", "-shared", "-fPIC", "-O2", "-std=c99", "-Wall", "-Werror", "-o", so.toString(), c.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("gcc timed out on " + c);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
    }
    return so;
  }
}
