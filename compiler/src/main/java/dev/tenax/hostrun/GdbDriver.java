package dev.tenax.hostrun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a debugger session against QEMU's gdbstub on a thread of its own while {@link QemuRun}
 * waits for the firmware with its timeout: a session that blocks (the core never reaches a
 * watchpoint) ends when QEMU exits or is killed, which closes the socket.
 */
public final class GdbDriver {
  /** What the debugger does with the core, from reset (held there by -S) to the exit or a detach. */
  public interface Session {
    void drive(GdbRemote gdb) throws IOException;
  }

  private final Path socket;
  private final Session session;
  private Thread thread;
  private volatile Exception failure;

  GdbDriver(Path socket, Session session) {
    this.socket = socket;
    this.session = session;
  }

  /** The QEMU command with a gdbstub on the Unix socket and the core held at reset. */
  List<String> withGdbstub(List<String> command) {
    List<String> c = new ArrayList<>(command);
    c.addAll(1, List.of("-chardev", "socket,path=" + socket.toAbsolutePath() + ",server=on,wait=off,id=tenax-gdb",
        "-gdb", "chardev:tenax-gdb", "-S"));
    return c;
  }

  void start(Process qemu, long timeoutSeconds) {
    thread = new Thread(() -> {
      try (GdbRemote gdb = GdbRemote.connect(socket, qemu, timeoutSeconds * 1000)) {
        session.drive(gdb);
      } catch (IOException | RuntimeException e) {
        failure = e;
        qemu.destroyForcibly();
      } catch (InterruptedException e) {
        failure = e;
        qemu.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }, "tenax-gdb");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits for the session to end (QEMU has exited); why it failed, or null. */
  String finish() throws InterruptedException {
    thread.join(5000);
    return failure == null ? null : failure.getMessage();
  }
}
