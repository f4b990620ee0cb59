package dev.tenax.hostrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Builds a generated project with its Makefile: the host library, or a Cortex-M ELF. */
public final class HostBuild {
  private HostBuild() {}

  /** Thrown when make or the compiler fails; the message carries their output. */
  public static class BuildException extends IOException {
    public BuildException(String message) {
      super(message);
    }
  }

  /** A link that failed because a memory region overflowed: TX090 with the numbers ({@link LinkOverflow}). */
  public static final class LinkOverflowException extends BuildException {
    private final transient dev.tenax.diag.Diagnostic diagnostic;

    public LinkOverflowException(dev.tenax.diag.Diagnostic diagnostic) {
      super(diagnostic.format());
      this.diagnostic = diagnostic;
    }

    public dev.tenax.diag.Diagnostic diagnostic() {
      return diagnostic;
    }
  }

  /**
   * Runs {@code make} in {@code dir} when {@code lib<name>.so} is missing or older than a source,
   * and returns the library's path.
   */
  public static Path build(Path dir, String name) throws IOException {
    return make(dir, "lib" + name + ".so");
  }

  /** Runs {@code make product} in {@code dir} unless the file is newer than every source. */
  public static Path make(Path dir, String product) throws IOException {
    Path lib = dir.resolve(product);
    if (upToDate(dir, lib)) {
      return lib;
    }
    ProcessBuilder pb = new ProcessBuilder("make", "-s", "-C", dir.toString(), product);
    pb.redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new BuildException("cannot run make (" + e.getMessage() + "): install make and a C "
          + "compiler, e.g. apt-get install make gcc");
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new BuildException("make in " + dir + " did not finish within 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildException("interrupted while building " + dir);
    }
    if (p.exitValue() != 0) {
      var overflow = LinkOverflow.diagnose(output, dir);
      if (overflow.isPresent()) {
        throw new LinkOverflowException(overflow.get());
      }
      boolean noTool = output.contains("not found") || output.contains("No such file or directory");
      String hint = !noTool ? "" : (output.contains("arm-none-eabi-gcc")
          ? "\ninstall the Arm toolchain: apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi" : "")
          + "\n(tenax doctor lists the tools each target needs; tenax compile --no-build writes a project without "
          + "building it)";
      throw new BuildException("building " + dir + " failed (make exit " + p.exitValue() + "):\n"
          + output.strip() + hint);
    }
    return lib;
  }

  private static boolean upToDate(Path dir, Path lib) throws IOException {
    if (!Files.exists(lib)) {
      return false;
    }
    FileTime built = Files.getLastModifiedTime(lib);
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> sources = s.filter(q -> {
        String n = q.getFileName().toString();
        return n.endsWith(".c") || n.endsWith(".h") || n.equals("Makefile");
      }).toList();
      for (Path q : sources) {
        if (Files.getLastModifiedTime(q).compareTo(built) > 0) {
          return false;
        }
      }
    }
    return true;
  }
}
