package dev.tenax.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo's tool check: which of the cross toolchains are present, and installing the missing
 * ones with apt-get when the demo runs as root on Debian or Ubuntu (saying what it installs);
 * otherwise it prints the command and the demo runs what it can.
 */
final class DemoToolchains {
  /** A target family and the commands (in {@link DoctorCommand#TOOLS}) it needs. */
  enum Family {
    CORTEX_M("Cortex-M (build and run under QEMU)", List.of("make", "arm-none-eabi-gcc", "qemu-system-arm")),
    MSP430("MSP430 (build and run in mspdebug's simulator)", List.of("make", "clang-19", "ld.lld-19", "llvm-size-19", "mspdebug"));

    final String what;
    final List<String> commands;

    Family(String what, List<String> commands) {
      this.what = what;
      this.commands = commands;
    }
  }

  private DemoToolchains() {}

  /** The missing commands of a family. */
  static List<String> missing(Family f) {
    List<String> m = new ArrayList<>();
    for (String c : f.commands) {
      if (DoctorCommand.version(tool(c)) == null) {
        m.add(c);
      }
    }
    return m;
  }

  /** The Debian packages that provide the commands. */
  static Set<String> packages(List<String> commands) {
    Set<String> p = new LinkedHashSet<>();
    for (String c : commands) {
      for (String pkg : tool(c).debianPackage().split(" ")) {
        p.add(pkg);
      }
    }
    return p;
  }

  /**
   * Installs the packages with apt-get when allowed and possible; returns whether it ran and
   * succeeded. Prints what it does, or the command to run when it cannot.
   */
  static boolean install(Set<String> packages, boolean allowed, PrintWriter out) throws InterruptedException {
    String command = "apt-get install -y " + String.join(" ", packages);
    if (!allowed) {
      out.println("  not installing (--no-install); to install them: sudo apt-get update && sudo " + command);
      return false;
    }
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      out.println("  no apt-get here (not Debian or Ubuntu): install the tools above with your package manager");
      return false;
    }
    if (!isRoot()) {
      out.println("  not root, so not installing; run: sudo apt-get update && sudo " + command);
      return false;
    }
    out.println("  installing with apt-get: " + String.join(" ", packages) + " (a few minutes)");
    out.flush();
    List<String> installCmd = new ArrayList<>(List.of("apt-get", "install", "-y", "-q"));
    installCmd.addAll(packages);
    return run(List.of("apt-get", "update", "-q"), out) && run(installCmd, out);
  }

  private static boolean run(List<String> cmd, PrintWriter out) throws InterruptedException {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] log = p.getInputStream().readAllBytes();
      int rc = p.waitFor();
      if (rc != 0) {
        out.println("  " + String.join(" ", cmd) + " failed (exit " + rc + "):");
        out.println(new String(log, java.nio.charset.StandardCharsets.UTF_8).strip().lines()
            .reduce((a, b) -> b).orElse(""));
        return false;
      }
      return true;
    } catch (IOException e) {
      out.println("  could not run " + cmd.get(0) + ": " + e.getMessage());
      return false;
    }
  }

  private static boolean isRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").start();
      String uid = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 && uid.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static DoctorCommand.Tool tool(String command) {
    return DoctorCommand.TOOLS.stream().filter(t -> t.command().equals(command)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no tool " + command + " in DoctorCommand.TOOLS"));
  }
}
