package dev.tenax.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether an external tool (cross compiler, emulator) is installed, for test assumptions. */
public final class ExternalTools {
  private ExternalTools() {}

  /** True when the command runs and exits 0 within 30 s. */
  public static boolean works(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
