package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a Cortex-M project's firmware once under QEMU: builds the ELF if needed, writes each
 * input as {@code input_<i>.bin} into a scratch directory, runs the board's QEMU command there
 * (semihosting reads and writes the files), checks the sentinel line and the exit status, and
 * reads {@code output_<i>.bin} back.
 */
public final class QemuRun {
  /** Thrown when the firmware faults, fails, or QEMU times out; the message says which. */
  public static final class FirmwareException extends IOException {
    public FirmwareException(String message) {
      super(message);
    }
  }

  /**
   * The outputs and the SysTick ticks the inference took (instructions * clock / 1e9; for an
   * intermittent build the on-time over all boots), with the boots and power failures.
   */
  public record Result(Map<String, Tensor> outputs, long ticks, int boots, int failures, String console) {}

  private static final Pattern DONE = Pattern.compile("TENAX-DONE status=(\\d+) ticks=(\\d+)");
  private static final Pattern BOOTS = Pattern.compile("TENAX-DONE .* boots=(\\d+) failures=(\\d+)");

  private QemuRun() {}

  public static Result run(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds)
      throws IOException, UsageException {
    return run(m, feed, timeoutSeconds, null);
  }

  /**
   * Runs once; {@code powerSchedule} (null for none) becomes the intermittent harness's
   * power_schedule.bin (see dev.tenax.intermittent.PowerSchedule).
   */
  public static Result run(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds, byte[] powerSchedule)
      throws IOException, UsageException {
    return run(m, feed, timeoutSeconds, powerSchedule, null);
  }

  /**
   * Runs once with {@code debugger} (null for none) driving QEMU's gdbstub: the core waits at
   * reset until the debugger resumes it, and the run ends when the firmware exits.
   */
  public static Result run(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds, byte[] powerSchedule,
      GdbDriver.Session debugger) throws IOException, UsageException {
    return runHarness(m, kernelCommand(m, List.of()), feed, timeoutSeconds, powerSchedule, debugger);
  }

  /**
   * Runs once as {@link #run(ProjectManifest, Map, long)} does, with QEMU writing its execution log
   * (every translated block's instructions and every block executed) to {@code log}, the input of
   * {@link FunctionProfile}.
   */
  public static Result runLoggingExecution(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds, Path log)
      throws IOException, UsageException {
    List<String> logging = List.of("-d", "in_asm,exec,nochain", "-D", log.toAbsolutePath().toString());
    return runHarness(m, kernelCommand(m, logging), feed, timeoutSeconds, null, null);
  }

  /** The board's QEMU command with {@code options}, running the project's firmware (built if needed). */
  private static List<String> kernelCommand(ProjectManifest m, List<String> options) throws IOException {
    Path elf = HostBuild.make(m.dir(), m.name() + ".elf");
    List<String> qemu = qemuCommand(m.dir());
    qemu.addAll(options);
    qemu.add("-kernel");
    qemu.add(elf.toAbsolutePath().toString());
    return qemu;
  }

  /**
   * Runs a harness that speaks the same file protocol as the Cortex-M firmware (input_<i>.bin,
   * power_schedule.bin and output_<i>.bin in its working directory, the TENAX-DONE line), e.g. the
   * host power-failure harness of an intermittent host build.
   */
  public static Result runHarness(ProjectManifest m, List<String> command, Map<String, Tensor> feed,
      long timeoutSeconds, byte[] powerSchedule) throws IOException, UsageException {
    return runHarness(m, command, feed, timeoutSeconds, powerSchedule, null);
  }

  private static Result runHarness(ProjectManifest m, List<String> command, Map<String, Tensor> feed,
      long timeoutSeconds, byte[] powerSchedule, GdbDriver.Session debugger) throws IOException, UsageException {
    String elf = command.get(command.size() - 1);
    Path scratch = Files.createTempDirectory("tenax-run");
    GdbDriver gdb = debugger == null ? null : new GdbDriver(scratch.resolve("gdb.sock"), debugger);
    List<String> qemu = gdb == null ? command : gdb.withGdbstub(command);
    try {
      int i = 0;
      for (Map.Entry<String, TensorType> e : m.inputs().entrySet()) {
        Files.write(scratch.resolve("input_" + i++ + ".bin"),
            HarnessTensors.input(e.getKey(), feed.get(e.getKey()), e.getValue()));
      }
      if (powerSchedule != null) {
        Files.write(scratch.resolve("power_schedule.bin"), powerSchedule);
      }
      Process p;
      try {
        p = new ProcessBuilder(qemu).directory(scratch.toFile()).redirectErrorStream(true).start();
      } catch (IOException e) {
        throw new FirmwareException("cannot start " + qemu.get(0) + " (" + e.getMessage() + ")"
            + (qemu.get(0).startsWith("qemu") ? ": install it with apt-get install qemu-system-arm" : ""));
      }
      p.getOutputStream().close();
      StringBuilder console = new StringBuilder();
      Thread reader = new Thread(() -> {
        try {
          console.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException ignored) {
          // the process was killed; what was read is kept
        }
      });
      reader.start();
      if (gdb != null) {
        gdb.start(p, timeoutSeconds);
      }
      boolean finished;
      String debuggerFailure;
      try {
        finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
          p.destroyForcibly().waitFor();
        }
        reader.join(5000);
        debuggerFailure = gdb == null ? null : gdb.finish();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new FirmwareException("interrupted while running " + elf);
      }
      String out = console.toString();
      if (!finished) {
        throw new FirmwareException(new java.io.File(qemu.get(0)).getName() + " did not finish within " + timeoutSeconds
            + " s (raise --timeout); "
            + "console so far:\n" + out.strip());
      }
      if (debuggerFailure != null) {
        throw new FirmwareException("the debugger driving QEMU failed (" + debuggerFailure + "); console:\n"
            + out.strip());
      }
      Matcher done = DONE.matcher(out);
      if (out.contains("TENAX-NO-PROGRESS")) {
        throw new FirmwareException("no progress under the power-failure schedule:\n" + out.strip());
      }
      if (out.contains("TENAX-FAULT") || !done.find() || p.exitValue() != 0) {
        throw new FirmwareException("the firmware failed (" + new java.io.File(qemu.get(0)).getName() + " exit "
            + p.exitValue() + "):\n" + out.strip());
      }
      Map<String, Tensor> outputs = new LinkedHashMap<>();
      i = 0;
      for (Map.Entry<String, TensorType> e : m.outputs().entrySet()) {
        String file = "output_" + i++ + ".bin";
        outputs.put(e.getKey(), HarnessTensors.output(file, e.getValue(), Files.readAllBytes(scratch.resolve(file))));
      }
      Matcher boots = BOOTS.matcher(out);
      boolean counted = boots.find();
      return new Result(outputs, Long.parseLong(done.group(2)), counted ? Integer.parseInt(boots.group(1)) : 1,
          counted ? Integer.parseInt(boots.group(2)) : 0, out);
    } finally {
      try (Stream<Path> s = Files.walk(scratch)) {
        for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(q);
        }
      }
    }
  }

  /** The QEMU command line the project's board/board.mk gives (TENAX_QEMU), split into words. */
  static List<String> qemuCommand(Path dir) throws IOException {
    for (String line : Files.readAllLines(dir.resolve("board/board.mk"), StandardCharsets.UTF_8)) {
      if (line.startsWith("TENAX_QEMU")) {
        String value = line.substring(line.indexOf('=') + 1).trim();
        return new ArrayList<>(List.of(value.split("\\s+")));
      }
    }
    throw new IOException(dir.resolve("board/board.mk") + " has no TENAX_QEMU line; compile the model again");
  }
}
