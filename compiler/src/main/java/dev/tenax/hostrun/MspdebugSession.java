package dev.tenax.hostrun;

import dev.tenax.hostrun.QemuRun.FirmwareException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An interactive mspdebug process: one command at a time, each answered by the text mspdebug
 * prints before its next prompt. A driver that decides its next command from the last answer (how
 * far the tracer's MCLK count is from the next power failure) needs this; a fixed script does not
 * (see {@link Msp430Run}). The deadline covers the whole session: a command still running when it
 * passes ("run" of a firmware that never reaches a breakpoint) is interrupted with SIGINT, as
 * Ctrl+C would, and the session fails with the answers so far.
 */
final class MspdebugSession implements AutoCloseable {
  private static final String PROMPT = "(mspdebug) ";
  private static final int MAX_CONSOLE = 20_000;

  private final Process process;
  private final InputStream in;
  private final OutputStream out;
  private final Deadline deadline;
  private final long timeoutSeconds;
  private final StringBuilder console = new StringBuilder();

  private MspdebugSession(Process process, long timeoutSeconds) {
    this.process = process;
    this.in = process.getInputStream();
    this.out = process.getOutputStream();
    this.timeoutSeconds = timeoutSeconds;
    this.deadline = new Deadline(process, timeoutSeconds);
    deadline.start();
  }

  /** Past the deadline, interrupts whatever mspdebug runs (SIGINT ends a "run" as Ctrl+C does). */
  private static final class Deadline extends Thread {
    private final Process process;
    private final long seconds;
    private volatile boolean fired;

    Deadline(Process process, long seconds) {
      super("mspdebug-deadline");
      setDaemon(true);
      this.process = process;
      this.seconds = seconds;
    }

    boolean fired() {
      return fired;
    }

    @Override
    public void run() {
      try {
        if (process.waitFor(seconds, TimeUnit.SECONDS)) {
          return;
        }
        fired = true;
        Msp430Run.interruptUntilEnded(process);
      } catch (InterruptedException e) {
        // the session closed before its deadline
      } catch (IOException e) {
        process.destroyForcibly();
      }
    }
  }

  /** Starts {@code simCommand} (mspdebug and its driver, without commands) and waits for its prompt. */
  static MspdebugSession start(List<String> simCommand, long timeoutSeconds) throws IOException {
    MspdebugSession s = new MspdebugSession(Msp430Run.startMspdebug(simCommand), timeoutSeconds);
    s.untilPrompt("start");
    return s;
  }

  /** Sends one command line and returns what mspdebug printed in answer. */
  String command(String line) throws IOException {
    if (deadline.fired()) {
      throw timedOut(line);
    }
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    return untilPrompt(line);
  }

  /** The last part of the conversation, for error messages. */
  String consoleTail() {
    String t = console.toString().strip();
    return t.length() > 3000 ? "..." + t.substring(t.length() - 3000) : t;
  }

  private String untilPrompt(String line) throws IOException {
    StringBuilder answer = new StringBuilder();
    byte[] buf = new byte[8192];
    while (true) {
      int n = in.read(buf);
      if (n < 0) {
        if (deadline.fired()) {
          throw timedOut(line);
        }
        throw new FirmwareException("mspdebug ended unexpectedly after '" + line + "':\n" + answer);
      }
      answer.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
      if (answer.length() >= PROMPT.length() && answer.lastIndexOf(PROMPT) == answer.length() - PROMPT.length()) {
        String text = answer.substring(0, answer.length() - PROMPT.length());
        remember(line, text);
        if (deadline.fired()) {
          throw timedOut(line);
        }
        return text;
      }
    }
  }

  private void remember(String line, String text) {
    console.append(PROMPT).append(line.length() > 200 ? line.substring(0, 200) + "..." : line).append('\n')
        .append(text);
    if (console.length() > MAX_CONSOLE) {
      console.delete(0, console.length() - MAX_CONSOLE);
    }
  }

  private FirmwareException timedOut(String line) {
    return new FirmwareException("the firmware did not finish within " + timeoutSeconds + " s of simulation "
        + "(at '" + line + "'; a runaway loop, or a model too slow for --timeout):\n" + consoleTail());
  }

  @Override
  public void close() {
    deadline.interrupt();
    try {
      out.close();
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

}
