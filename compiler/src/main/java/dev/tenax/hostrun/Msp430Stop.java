package dev.tenax.hostrun;

import dev.tenax.hostrun.QemuRun.FirmwareException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where mspdebug's simulator stopped after a {@code run} or {@code step}: the registers it prints
 * ({@code ( PC: 059b8)}, {@code (R13: 0c460)}, ...) and the function of the first label of the
 * disassembly that follows (the function the PC is in).
 */
record Msp430Stop(int[] registers, String function) {
  static final int PC = 0;
  static final int SP = 1;
  static final int SR = 2;

  private static final Pattern REGISTER = Pattern.compile("\\(\\s*(PC|SP|SR|R\\d+):\\s*([0-9a-fA-F]+)\\)");
  private static final Pattern STOPPED_IN = Pattern.compile("(?m)^([A-Za-z_][\\w.$]*)(\\+0x[0-9a-f]+)?:$");

  /** Parses a stop's answer; fails when it has no register dump (the simulator did not stop normally). */
  static Msp430Stop parse(String answer) throws FirmwareException {
    int[] regs = new int[16];
    boolean[] seen = new boolean[16];
    Matcher r = REGISTER.matcher(answer);
    while (r.find()) {
      String name = r.group(1);
      int n = switch (name) {
        case "PC" -> PC;
        case "SP" -> SP;
        case "SR" -> SR;
        default -> Integer.parseInt(name.substring(1));
      };
      regs[n] = Integer.parseInt(r.group(2), 16) & 0xFFFF;
      seen[n] = true;
    }
    for (boolean s : seen) {
      if (!s) {
        throw new FirmwareException("mspdebug stopped without showing the registers:\n" + answer);
      }
    }
    return new Msp430Stop(regs, functionOf(answer));
  }

  /** The first label of the disassembly mspdebug prints where the core stopped: the function the PC is in. */
  static String functionOf(String answer) {
    Matcher f = STOPPED_IN.matcher(answer);
    return f.find() ? f.group(1) : "";
  }

  int pc() {
    return registers[PC];
  }

  int register(int n) {
    return registers[n];
  }

  boolean in(String name) {
    return function.equals(name);
  }
}
