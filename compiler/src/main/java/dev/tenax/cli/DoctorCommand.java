package dev.tenax.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tenax doctor}: which external tools Tenax can use are here, and how to get the others. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = "List every external tool Tenax can use (C compilers, cross compilers, QEMU, mspdebug, "
        + "OpenOCD, pyOCD), its version, what needs it, and how to install what is missing. Exits 0 even "
        + "when some are missing: each is needed only for what its line says.")
final class DoctorCommand implements Callable<Integer> {
  /** One tool: the command, how to ask its version, what needs it, the Debian package that has it. */
  record Tool(String command, List<String> versionArgs, String neededFor, String debianPackage) {}

  static final List<Tool> TOOLS = List.of(
      new Tool("gcc", List.of("--version"), "host builds (tenax compile --target host, run, eval)", "gcc"),
      new Tool("g++", List.of("--version"), "the JNI bridge that loads host builds into the JVM (mvn package)", "g++"),
      new Tool("make", List.of("--version"), "building every generated project", "make"),
      new Tool("cmake", List.of("--version"), "the generated CMakeLists.txt (optional)", "cmake"),
      new Tool("arm-none-eabi-gcc", List.of("--version"), "Cortex-M firmware (cortex-m0 ... cortex-m55)",
          "gcc-arm-none-eabi libnewlib-arm-none-eabi"),
      new Tool("qemu-system-arm", List.of("--version"), "running Cortex-M firmware (tenax run, bench, simulate)",
          "qemu-system-arm"),
      new Tool("clang-19", List.of("--version"), "MSP430 firmware (clang --target=msp430)", "clang-19"),
      new Tool("ld.lld-19", List.of("--version"), "linking MSP430 firmware", "lld-19"),
      new Tool("llvm-size-19", List.of("--version"), "MSP430 size reports (make in an MSP430 project)", "llvm-19"),
      new Tool("msp430-elf-gcc", List.of("--version"), "MSP430 builds with TI's GCC (make TOOLCHAIN=gcc; optional)",
          "none: TI's MSP430-GCC from ti.com"),
      new Tool("mspdebug", List.of("--version"), "running MSP430 firmware in its simulator; make flash on a LaunchPad",
          "mspdebug"),
      new Tool("openocd", List.of("--version"), "make flash / make run-hw on Cortex-M boards", "openocd"),
      new Tool("pyocd", List.of("--version"), "flashing by hand, e.g. pyocd flash <name>-hw.elf (optional; the Makefiles use OpenOCD)",
          "none: pip install pyocd"),
      new Tool("python3", List.of("--version"), "scripts/performance.sh (optional)", "python3"));

  /** The first dotted version number in a tool's --version output. */
  private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("\\d+\\.\\d+(\\.\\d+)?");

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    int missing = 0;
    StringBuilder packages = new StringBuilder();
    out.printf(Locale.ROOT, "%-18s %-12s %s%n", "tool", "version", "needed for");
    for (Tool t : TOOLS) {
      String version = version(t);
      if (version == null) {
        missing++;
        out.printf(Locale.ROOT, "%-18s %-12s %s%n", t.command(), "MISSING (" + install(t) + ")", t.neededFor());
        if (!t.debianPackage().startsWith("none")) {
          packages.append(' ').append(t.debianPackage());
        }
      } else {
        out.printf(Locale.ROOT, "%-18s %-12s %s%n", t.command(), version, t.neededFor());
      }
    }
    out.printf(Locale.ROOT, "java %s (%s)%n", System.getProperty("java.version"), System.getProperty("java.vendor"));
    if (missing == 0) {
      out.println("everything Tenax can use is installed");
    } else {
      out.println(missing + " missing; what the others do still works.");
      if (packages.length() > 0) {
        out.println("install them on Debian or Ubuntu with: sudo apt-get install -y" + packages);
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String install(Tool t) {
    return t.debianPackage().startsWith("none") ? t.debianPackage().substring(6) : "apt-get install " + t.debianPackage();
  }

  /** The first line of the tool's version output, or null when it cannot be run. */
  static String version(Tool t) {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(t.command());
    cmd.addAll(t.versionArgs());
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "(no answer to " + String.join(" ", t.versionArgs()) + ")";
      }
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      java.util.regex.Matcher m = VERSION.matcher(text);
      return m.find() ? m.group() : "(installed, version unknown)";
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
