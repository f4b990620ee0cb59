package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.hostrun.QemuRun.FirmwareException;
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
 * Runs an MSP430 project's firmware once in mspdebug's simulator: builds the ELF if needed, then
 * one scripted mspdebug session loads it, writes each input into {@code tenax_input_<i>}
 * (load_raw), runs to the tenax_begin, tenax_end and tenax_exit breakpoints with the tracer's
 * counts read at the first two, and saves the outputs, the status and the stack used (save_raw).
 * The simulator has no time limit of its own: after the timeout the runner interrupts it (SIGINT,
 * as Ctrl+C) until it finishes its script, and the missing exit marker says the program ran away.
 */
public final class Msp430Run {
  /**
   * The outputs, the MCLK cycles and instructions between tenax_begin and tenax_end, the stack;
   * {@code stepCycles}: with {@link #profile}, the MCLK cycles of each kernel call, from its entry
   * to the next call's (the last to tenax_end), else empty.
   */
  public record Result(Map<String, Tensor> outputs, long cycles, long instructions, int stackBytes,
      String console, long[] stepCycles) {}

  private static final Pattern COUNTS = Pattern.compile("Instruction count: (\\d+)\\s+MCLK:\\s+(\\d+)");

  private Msp430Run() {}

  public static Result run(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds)
      throws IOException, UsageException {
    return run(m, feed, timeoutSeconds, List.of());
  }

  /**
   * Runs with a breakpoint on each kernel the steps call ({@code kernels}, one per step in program
   * order: memory_map.json's), reading the tracer at every call: the result's stepCycles. Kernels
   * do not call each other, so each call stops once.
   */
  public static Result profile(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds, List<String> kernels)
      throws IOException, UsageException {
    if (kernels.isEmpty()) {
      throw new IllegalArgumentException("no kernel calls to profile");
    }
    return run(m, feed, timeoutSeconds, kernels);
  }

  private static Result run(ProjectManifest m, Map<String, Tensor> feed, long timeoutSeconds, List<String> kernels)
      throws IOException, UsageException {
    Path elf = HostBuild.make(m.dir(), m.name() + ".elf").toAbsolutePath();
    Path scratch = Files.createTempDirectory("tenax-msp430");
    try {
      List<String> cmd = new ArrayList<>(simCommand(m.dir()));
      // The 16x16 multiplier the runtime's msp430-hwmult files use (at 0x0130, the simulated build's base).
      cmd.addAll(List.of("simio add tracer t", "simio add hwmult m", "prog " + elf));
      int i = 0;
      for (Map.Entry<String, TensorType> e : m.inputs().entrySet()) {
        Path f = scratch.resolve("input_" + i + ".bin");
        Files.write(f, HarnessTensors.input(e.getKey(), feed.get(e.getKey()), e.getValue()));
        cmd.add("load_raw " + f + " tenax_input_" + i++);
      }
      cmd.addAll(List.of("setbreak tenax_begin", "setbreak tenax_end", "setbreak tenax_exit"));
      kernels.stream().distinct().forEach(k -> cmd.add("setbreak " + k));
      cmd.addAll(List.of("run", "simio info t"));
      for (int k = 0; k < kernels.size(); k++) {
        cmd.addAll(List.of("run", "simio info t"));
      }
      cmd.addAll(List.of("run", "simio info t", "run",
          // the breakpoint stops before tenax_exit's first instruction, which stores main's status
          "step",
          "save_raw tenax_exit_status 2 " + scratch.resolve("status.bin"),
          "save_raw tenax_stack_used 2 " + scratch.resolve("stack.bin")));
      i = 0;
      for (TensorType t : m.outputs().values()) {
        cmd.add("save_raw tenax_output_" + i + " " + t.bytes() + " " + scratch.resolve("output_" + i++ + ".bin"));
      }
      String out = execute(cmd, timeoutSeconds);
      if (out.contains("TENAX-MSPDEBUG-FAILED")) {
        throw new FirmwareException("mspdebug stopped on a command it could not carry out (a symbol "
            + "missing from " + elf.getFileName() + "? compile the model again):\n" + tail(out));
      }
      if (out.contains("sim: ")) {
        throw new FirmwareException("the firmware stopped the simulator (an invalid instruction: a jump "
            + "through a bad pointer or a corrupted stack):\n" + tail(out));
      }
      Path status = scratch.resolve("status.bin");
      Matcher c = COUNTS.matcher(out);
      int stops = kernels.size() + 2; // tenax_begin, every call, tenax_end
      long[] counts = new long[2 * stops];
      int found = 0;
      while (found < stops && c.find()) {
        counts[2 * found] = Long.parseLong(c.group(1));
        counts[2 * found + 1] = Long.parseLong(c.group(2));
        found++;
      }
      if (out.contains("TENAX-TIMEOUT") || found < stops || !Files.exists(status)) {
        throw new FirmwareException("the firmware did not reach tenax_exit within " + timeoutSeconds
            + " s of simulation (a runaway loop, or a model too slow for --timeout):\n" + tail(out));
      }
      int code = (short) le16(Files.readAllBytes(status));
      if (code != 0) {
        throw new FirmwareException("the firmware failed with status " + code + (code == 3
            ? " (the stack overflowed its reserve: the arena or .bss may be corrupted)"
            : " (a kernel rejected its arguments)"));
      }
      Map<String, Tensor> outputs = new LinkedHashMap<>();
      i = 0;
      for (Map.Entry<String, TensorType> e : m.outputs().entrySet()) {
        String file = "output_" + i++ + ".bin";
        outputs.put(e.getKey(), HarnessTensors.output(file, e.getValue(), Files.readAllBytes(scratch.resolve(file))));
      }
      int stack = le16(Files.readAllBytes(scratch.resolve("stack.bin")));
      long[] steps = new long[kernels.size()];
      for (int k = 0; k < steps.length; k++) {
        steps[k] = counts[2 * (k + 2) + 1] - counts[2 * (k + 1) + 1];
      }
      int last = 2 * (stops - 1);
      return new Result(outputs, counts[last + 1] - counts[1], counts[last] - counts[0], stack, out, steps);
    } finally {
      try (Stream<Path> s = Files.walk(scratch)) {
        for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(q);
        }
      }
    }
  }

  /** Runs mspdebug; past the deadline, interrupts the current "run" until the script ends. */
  private static String execute(List<String> cmd, long timeoutSeconds) throws IOException {
    Process p = startMspdebug(cmd);
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
    try {
      boolean timedOut = false;
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        timedOut = true;
        // Each SIGINT ends one "run" command (three, or one more per profiled call), then the saves.
        interruptUntilEnded(p);
      }
      reader.join(5000);
      if (timedOut) {
        return console + "\nTENAX-TIMEOUT";
      }
      // mspdebug abandons the rest of its script at the first command that fails.
      return p.exitValue() != 0 ? console + "\nTENAX-MSPDEBUG-FAILED" : console.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new FirmwareException("interrupted while running the simulator");
    }
  }

  /** Starts mspdebug with its output and errors on one stream, or says how to install it. */
  static Process startMspdebug(List<String> cmd) throws FirmwareException {
    try {
      return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new FirmwareException("cannot start mspdebug (" + e.getMessage() + "): install it with "
          + "apt-get install mspdebug");
    }
  }

  /**
   * Sends mspdebug SIGINTs (as Ctrl+C: each ends the command running) every half second until it
   * ends, ten seconds at most, then kills it.
   */
  static void interruptUntilEnded(Process p) throws IOException, InterruptedException {
    for (int n = 0; n < 20 && p.isAlive(); n++) {
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      p.waitFor(500, TimeUnit.MILLISECONDS);
    }
    if (p.isAlive()) {
      p.destroyForcibly().waitFor();
    }
  }

  /** The simulator command board/board.mk gives (TENAX_SIM), split into words. */
  static List<String> simCommand(Path dir) throws IOException {
    for (String line : Files.readAllLines(dir.resolve("board/board.mk"), StandardCharsets.UTF_8)) {
      if (line.startsWith("TENAX_SIM")) {
        return List.of(line.substring(line.indexOf('=') + 1).trim().split("\\s+"));
      }
    }
    throw new IOException(dir.resolve("board/board.mk") + " has no TENAX_SIM line; compile the model again");
  }

  private static int le16(byte[] b) {
    return (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
  }

  private static String tail(String s) {
    String t = s.strip();
    return t.length() > 3000 ? "..." + t.substring(t.length() - 3000) : t;
  }
}
