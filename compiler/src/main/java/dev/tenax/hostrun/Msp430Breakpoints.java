package dev.tenax.hostrun;

import dev.tenax.hostrun.QemuRun.FirmwareException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The breakpoint and watchpoint slots of mspdebug's simulator, which are one table of 32
 * (DEVICE_MAX_BREAKPOINTS in mspdebug 0.22): a write watchpoint matches one byte address exactly
 * (a word store checks its even address, a byte store its own), and the simulator stops after
 * the instruction that stored, not before it.
 */
final class Msp430Breakpoints {
  /** Slots in the simulator's table, breakpoints and watchpoints together. */
  static final int SLOTS = 32;

  private static final Pattern SET = Pattern.compile("Set breakpoint (\\d+)");

  private Msp430Breakpoints() {}

  /** Sets a breakpoint at {@code symbol}; returns its slot. */
  static int breakAt(Msp430PowerRun r, String symbol) throws IOException {
    return slot(r, "setbreak " + symbol);
  }

  /** Sets a write watchpoint on the byte at {@code address}; returns its slot. */
  static int watchWrites(Msp430PowerRun r, long address) throws IOException {
    return slot(r, "setwatch_w 0x" + Long.toHexString(address));
  }

  static void clear(Msp430PowerRun r, int slot) throws IOException {
    r.expect("delbreak " + slot, "Clearing breakpoint");
  }

  private static int slot(Msp430PowerRun r, String command) throws IOException {
    String answer = r.command(command);
    Matcher m = SET.matcher(answer);
    if (!m.find()) {
      throw new FirmwareException("mspdebug could not carry out '" + command + "': " + answer.strip());
    }
    return Integer.parseInt(m.group(1));
  }
}
