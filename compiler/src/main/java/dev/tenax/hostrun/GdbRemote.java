package dev.tenax.hostrun;

import java.io.Closeable;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The few requests of GDB's remote serial protocol that a power-failure driver needs from QEMU's
 * gdbstub (a 32-bit ARM core, over a Unix socket so that parallel runs never race for a TCP port):
 * write watchpoints, continue, set the PC, detach. Packets are {@code $payload#checksum}, each
 * acknowledged by {@code +}.
 *
 * <p>Found by trying QEMU 7.2 with mps2 boards: a write watchpoint stops the core before the store
 * that hits it (the PC is at the store, memory unchanged); watchpoints stay in place across a
 * SYSRESETREQ reset; they work under {@code -icount shift=0}, but the virtual clock keeps running
 * for a while each time the core is held, so SysTick on-time is not instruction-exact in a run
 * with stops. {@code p}/{@code P} are refused until the client has read the target description,
 * so the PC is set through {@code g}/{@code G}.
 */
public final class GdbRemote implements Closeable {
  /** Why the core stopped: at a watchpoint (the watched address), or the firmware exited. */
  public record Stop(boolean exited, long watchAddress, String reply) {}

  /** Register 15 (pc) in the {@code g} reply: r0..r15 as 8 hex digits each, little-endian. */
  private static final int PC_HEX_OFFSET = 15 * 8;
  private final SocketChannel channel;

  /** QEMU closed the connection. */
  private static final class Closed extends IOException {
    Closed() {
      super("QEMU closed the gdbstub connection (it exited or was stopped)");
    }
  }

  private final ByteBuffer received = ByteBuffer.allocate(1 << 16).flip();

  private GdbRemote(SocketChannel channel) {
    this.channel = channel;
  }

  /** Connects to the gdbstub listening on {@code socket}, waiting while {@code qemu} starts it. */
  public static GdbRemote connect(Path socket, Process qemu, long timeoutMillis)
      throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      if (Files.exists(socket)) {
        SocketChannel c = SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        try {
          c.connect(UnixDomainSocketAddress.of(socket));
          return new GdbRemote(c);
        } catch (IOException notListeningYet) {
          c.close();
        }
      }
      if (!qemu.isAlive() || System.currentTimeMillis() > deadline) {
        throw new IOException("QEMU's gdbstub did not open " + socket);
      }
      Thread.sleep(5);
    }
  }

  /** Stops the core before any write to the {@code length} bytes at {@code address}. */
  public void watchWrites(long address, int length) throws IOException {
    expectOk(String.format(Locale.ROOT, "Z2,%x,%x", address, length));
  }

  public void unwatchWrites(long address, int length) throws IOException {
    expectOk(String.format(Locale.ROOT, "z2,%x,%x", address, length));
  }

  /** Stops the core when it is about to run the instruction at {@code pc} (a Thumb address, bit 0 clear). */
  public void breakAt(long pc) throws IOException {
    expectOk(String.format(Locale.ROOT, "Z0,%x,2", pc));
  }

  public void unbreakAt(long pc) throws IOException {
    expectOk(String.format(Locale.ROOT, "z0,%x,2", pc));
  }

  /** Runs one instruction (the gdbstub holds interrupts and timers meanwhile). */
  public Stop step() throws IOException {
    return stopOf(request("s"));
  }

  /** Lets the core run until it stops again or the firmware exits (QEMU may close the socket first). */
  public Stop resume() throws IOException {
    String reply;
    try {
      reply = request("c");
    } catch (Closed exited) {
      return new Stop(true, -1, "");
    }
    return stopOf(reply);
  }

  /** A stop reply: exit (W, X), or T with the watched address when a watchpoint stopped the core. */
  private static Stop stopOf(String reply) {
    if (reply.startsWith("W") || reply.startsWith("X")) {
      return new Stop(true, -1, reply);
    }
    for (String field : reply.split(";")) {
      int colon = field.indexOf(':');
      if (colon > 0 && field.substring(0, colon).endsWith("watch")) {
        return new Stop(false, Long.parseLong(field.substring(colon + 1), 16), reply);
      }
    }
    return new Stop(false, -1, reply);
  }

  /** Continues the stopped core at {@code pc} (a Thumb address, bit 0 clear). */
  public void jump(long pc) throws IOException {
    String registers = request("g");
    if (registers.length() < PC_HEX_OFFSET + 8) {
      throw new IOException("QEMU's gdbstub returned no registers: '" + registers + "'");
    }
    String pcHex = String.format(Locale.ROOT, "%02x%02x%02x%02x", pc & 0xFF, (pc >> 8) & 0xFF, (pc >> 16) & 0xFF,
        (pc >> 24) & 0xFF);
    expectOk("G" + registers.substring(0, PC_HEX_OFFSET) + pcHex + registers.substring(PC_HEX_OFFSET + 8));
  }

  /** Removes every watchpoint and lets the firmware run on by itself. */
  public void detach() throws IOException {
    expectOk("D");
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void expectOk(String packet) throws IOException {
    String reply = request(packet);
    if (!reply.equals("OK")) {
      throw new IOException("QEMU's gdbstub answered '" + reply + "' to '" + abbreviated(packet) + "'");
    }
  }

  private static String abbreviated(String packet) {
    return packet.length() > 40 ? packet.substring(0, 40) + "..." : packet;
  }

  /** Sends one packet and returns the reply's payload, acknowledging it. */
  private String request(String payload) throws IOException {
    int sum = 0;
    for (byte c : payload.getBytes(StandardCharsets.US_ASCII)) {
      sum += c & 0xFF;
    }
    write(String.format(Locale.ROOT, "$%s#%02x", payload, sum & 0xFF));
    while (true) {
      int c = next();
      if (c == '-') {
        throw new IOException("QEMU's gdbstub rejected '" + abbreviated(payload) + "'");
      }
      if (c == '$') {
        return packetBody();
      }
      // '+' acknowledges our packet; anything else between packets is noise
    }
  }

  private String packetBody() throws IOException {
    StringBuilder body = new StringBuilder();
    int sum = 0;
    for (int c = next(); c != '#'; c = next()) {
      body.append((char) c);
      sum += c;
    }
    int expected = Integer.parseInt("" + (char) next() + (char) next(), 16);
    if ((sum & 0xFF) != expected) {
      throw new IOException("garbled packet from QEMU's gdbstub: " + abbreviated(body.toString()));
    }
    try {
      write("+");
    } catch (IOException exitedAfterReplying) {
      // QEMU sends its exit report ('W') and closes at once; the reply is complete
    }
    return body.toString();
  }

  private int next() throws IOException {
    if (!received.hasRemaining()) {
      received.clear();
      int n = channel.read(received);
      received.flip();
      if (n < 0) {
        throw new Closed();
      }
    }
    return received.get() & 0xFF;
  }

  private void write(String s) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    try {
      while (b.hasRemaining()) {
        channel.write(b);
      }
    } catch (IOException brokenPipe) {
      throw new Closed();
    }
  }
}
