package dev.tenax.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs the demo's tenax commands in this JVM, each shown as the command line a user can type
 * again, with its full output kept in a log file (logs/NN-name.txt) rather than on the screen.
 */
final class DemoSteps {
  /** A finished command: its exit code, what it printed on stdout, and its log. */
  record Result(int exitCode, String stdout, Path log) {
    boolean ok() {
      return exitCode == ExitCodes.OK;
    }
  }

  private final Path logs;
  private final PrintWriter out;
  private final Path cwd = Path.of("").toAbsolutePath();
  /** The checkout's launcher as the user types it from here: ./tenax in the checkout. */
  private final String launcher;
  private int count;

  DemoSteps(Path logs, PrintWriter out, Path launcher) {
    this.logs = logs;
    this.out = out;
    String s = shown(launcher);
    this.launcher = s.contains("/") ? s : "./" + s;
  }

  /** Prints "$ ./tenax ARGS" (the launcher's path from the working directory), runs it, and on failure prints the end of its log. */
  Result tenax(String name, List<String> args) throws IOException {
    out.println("  $ " + quoted(launcher) + " " + String.join(" ", args.stream().map(DemoSteps::quoted).toList()));
    out.flush();
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int rc;
    try (PrintWriter o = new PrintWriter(stdout); PrintWriter e = new PrintWriter(stderr)) {
      rc = TenaxMain.run(o, e, args.toArray(String[]::new));
    }
    Files.createDirectories(logs);
    Path log = logs.resolve(String.format(Locale.ROOT, "%02d-%s.txt", ++count, name));
    Files.writeString(log, "$ tenax " + String.join(" ", args) + "\n" + stdout + stderr
        + "exit " + rc + "\n", StandardCharsets.UTF_8);
    if (rc != ExitCodes.OK) {
      out.println("  failed (exit " + rc + "); the end of its output (all of it in " + shown(log) + "):");
      List<String> lines = (stderr.toString() + stdout).lines().toList();
      lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> out.println("    " + l));
    }
    out.flush();
    return new Result(rc, stdout.toString(), log);
  }

  /** A path as the user should type it: relative to the working directory when in it or beside it. */
  String shown(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path near = cwd.getParent() != null ? cwd.getParent() : cwd;
    return abs.startsWith(near) ? cwd.relativize(abs).toString() : abs.toString();
  }

  private static String quoted(String arg) {
    return arg.matches("[A-Za-z0-9_./:=,+@%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
