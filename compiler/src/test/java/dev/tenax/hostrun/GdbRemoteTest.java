package dev.tenax.hostrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote-serial-protocol client against a scripted stub on a Unix socket (QEMU's answers as
 * recorded from qemu-system-arm 7.2): framing and checksums, acknowledgements, the stop replies,
 * and the register write that moves the PC.
 */
class GdbRemoteTest {
  /** A stub that answers each request with the scripted reply (null: close the connection) and records the requests. */
  private static CompletableFuture<List<String>> stub(Path socket, Map<String, String> replies) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    return CompletableFuture.supplyAsync(() -> {
      List<String> requests = new ArrayList<>();
      try (server; SocketChannel c = server.accept()) {
        StringBuilder in = new StringBuilder();
        ByteBuffer b = ByteBuffer.allocate(4096);
        while (c.read(b) >= 0) {
          in.append(new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII));
          b.clear();
          int hash;
          while (in.indexOf("$") >= 0 && (hash = in.indexOf("#", in.indexOf("$"))) >= 0 && in.length() >= hash + 3) {
            String packet = in.substring(in.indexOf("$") + 1, hash);
            in.delete(0, hash + 3);
            requests.add(packet);
            String key = replies.keySet().stream().filter(packet::startsWith).findFirst().orElse("");
            String reply = replies.getOrDefault(key, "");
            if (reply == null) {
              return requests;
            }
            int sum = 0;
            for (char ch : reply.toCharArray()) {
              sum += ch;
            }
            c.write(ByteBuffer.wrap(("+$" + reply + "#" + String.format("%02x", sum & 0xFF))
                .getBytes(StandardCharsets.US_ASCII)));
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return requests;
    });
  }

  private static Process alive() throws IOException {
    return new ProcessBuilder("sleep", "30").start();
  }

  @Test
  void watchpointStopsExitsAndAPcWrite(@TempDir Path dir) throws Exception {
    Path socket = dir.resolve("gdb.sock");
    String registers = "00000000".repeat(15) + "144d0000" + "00".repeat(12 * 8) + "00000000" + "00000001";
    CompletableFuture<List<String>> requests = stub(socket, Map.of("Z2", "OK", "z2", "OK",
        "c", "T05thread:01;watch:21000060;", "g", registers, "G", "OK", "D", "OK"));
    Process qemu = alive();
    try (GdbRemote gdb = GdbRemote.connect(socket, qemu, 5000)) {
      gdb.watchWrites(0x21000060L, 4);
      GdbRemote.Stop stop = gdb.resume();
      assertFalse(stop.exited());
      assertEquals(0x21000060L, stop.watchAddress());
      gdb.unwatchWrites(0x21000060L, 4);
      gdb.jump(0x5730);
      gdb.detach();
    } finally {
      qemu.destroy();
    }
    List<String> sent = requests.get();
    assertEquals(List.of("Z2,21000060,4", "c", "z2,21000060,4", "g"), sent.subList(0, 4));
    // only the PC (r15, little-endian) changes
    assertEquals("G" + registers.replace("144d0000", "30570000"), sent.get(4));
    assertEquals("D", sent.get(5));
  }

  @Test
  void anExitReportOrAClosedSocketEndsTheRun(@TempDir Path dir) throws Exception {
    Process qemu = alive();
    try {
      CompletableFuture<List<String>> exits = stub(dir.resolve("a.sock"), Map.of("c", "W00"));
      try (GdbRemote gdb = GdbRemote.connect(dir.resolve("a.sock"), qemu, 5000)) {
        assertTrue(gdb.resume().exited());
      }
      exits.get();
      CompletableFuture<List<String>> closes = stub(dir.resolve("b.sock"), java.util.Collections.singletonMap("c",
          null));
      try (GdbRemote gdb = GdbRemote.connect(dir.resolve("b.sock"), qemu, 5000)) {
        assertTrue(gdb.resume().exited());
      }
      closes.get();
    } finally {
      qemu.destroy();
    }
  }

  @Test
  void aRefusedWatchpointSaysWhatTheStubAnswered(@TempDir Path dir) throws Exception {
    Path socket = dir.resolve("gdb.sock");
    stub(socket, Map.of("Z2", "E22"));
    Process qemu = alive();
    try (GdbRemote gdb = GdbRemote.connect(socket, qemu, 5000)) {
      IOException e = assertThrows(IOException.class, () -> gdb.watchWrites(0x21000000L, 4));
      assertTrue(e.getMessage().contains("E22"), e.getMessage());
    } finally {
      qemu.destroy();
    }
  }
}
