package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.hostrun.QemuRun.FirmwareException;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs an intermittent MSP430 build under mspdebug's simulator with the power failing on a
 * {@link PowerSchedule}, in one interactive session ({@link MspdebugSession}):
 *
 * <ul>
 *   <li>Every power-on (the first one too) fills the part's SRAM with seeded random bytes
 *       ({@code fill}), clears the tracer and resets the core; FRAM, where the harness keeps the
 *       tensors, arena, progress and its own state, keeps its contents, as on the part.
 *   <li>On-time counts MCLK cycles (the tracer's count, which starts with the reset) from each
 *       power-on to the failure, and in the last boot to the end of main (the harness's
 *       {@code DONE_MARK} watchdog write, which the tracer logs with its MCLK time).
 *   <li>{@code every:N}, {@code at:}, {@code random:}: the simulator can only step whole
 *       instructions, so the driver steps in chunks of (cycles left) / 6 instructions, 6 cycles
 *       being the longest MSP430 instruction, reading the tracer after each chunk: the power fails
 *       at the first instruction boundary at which the boot's on-time reaches the point, i.e. at
 *       most 5 cycles late and never early. Points fall on cumulative on-time, as on Cortex-M.
 *   <li>{@code nvm-writes:K}, {@code at-nvm-writes:}: the firmware counts its NVM writes
 *       (tx_nvm_write16) and stops at {@code tenax_power_fail} before the failing write, where
 *       the driver breaks and makes the power fail.
 *   <li>{@code first-writes:}, {@code at-first-writes:}: a {@link Driver} of its own
 *       ({@link Msp430FirstWrites}) watches the kernels' stores and fails the power through
 *       {@link #powerFailure}.
 *   <li>20 failures in a row that leave the firmware's boot count in FRAM unchanged (the power
 *       fails before the harness has booted), or the firmware's own report of 20 boots without a
 *       commit, end the run as no progress.
 * </ul>
 */
final class Msp430PowerRun {
  /** The most MCLK cycles one MSP430 instruction takes (SLAU367, instruction cycles: format I, indexed to indexed). */
  static final int MAX_CYCLES_PER_INSTRUCTION = 6;

  /** Failures in a row before the harness finished booting, after which the run makes no progress. */
  static final int MAX_FAILURES_BEFORE_BOOT = 20;

  /** NVM-write points the firmware's schedule array holds (main.c.ftl, MAX_SCHEDULE). */
  static final int MAX_NVM_POINTS = 64;

  private static final Pattern MCLK = Pattern.compile("MCLK:\\s+(\\d+)");
  private static final Pattern DONE_MARK = Pattern.compile("(?m)^\\s*(\\d+): write\\.w => 0x015c 0x5a88\\s*$");
  private static final int NO_PROGRESS = 4;
  /** A line of md's dump: the address, then up to 16 bytes in hex, then the characters. */
  private static final Pattern DUMP_LINE = Pattern.compile("(?m)^\\s*[0-9a-f]+:((?: [0-9a-f]{2})+)");

  private final MspdebugSession sim;
  private final Msp430Sram sram;
  private final Random garbage;
  private final Path scratch;
  private long onTime;
  private int boots;
  private int failures;
  private int failuresBeforeBoot;
  private long firmwareBoots;

  private Msp430PowerRun(MspdebugSession sim, Msp430Sram sram, long seed, Path scratch) {
    this.sim = sim;
    this.sram = sram;
    this.garbage = new Random(seed);
    this.scratch = scratch;
  }

  /** What one session does from the first power-on to the end of main, once the firmware is loaded. */
  interface Driver {
    PowerFailureRun.Run drive(Msp430PowerRun run) throws IOException;
  }

  /**
   * One run: {@code schedule} null for none; {@code plainOnTime} (MCLK cycles) sizes random
   * schedules. The on-time in the result is in MCLK cycles, boots included.
   */
  static PowerFailureRun.Run run(ProjectManifest m, Map<String, Tensor> feed, PowerSchedule schedule,
      long plainOnTime, long timeoutSeconds) throws IOException, UsageException {
    return session(m, feed, schedule, timeoutSeconds, r -> r.untilMainIsDone(schedule, plainOnTime, m));
  }

  /**
   * Loads the firmware, the inputs and the firmware's part of {@code schedule} (NVM-write points)
   * into a fresh simulator with breakpoints at tenax_exit and tenax_power_fail, and hands the
   * session to {@code driver}. The SRAM garbage follows the schedule's seed.
   */
  static PowerFailureRun.Run session(ProjectManifest m, Map<String, Tensor> feed, PowerSchedule schedule,
      long timeoutSeconds, Driver driver) throws IOException, UsageException {
    byte[] firmwareSchedule = schedule != null && schedule.onNvmWrites() ? schedule.firmwareFile(0, 1_000_000_000L)
        : new byte[8];
    if (firmwareSchedule.length > 8 + 4 * MAX_NVM_POINTS) {
      throw new UsageException("at most " + MAX_NVM_POINTS + " NVM-write failure points on MSP430");
    }
    Path elf = HostBuild.make(m.dir(), m.name() + ".elf").toAbsolutePath();
    Msp430Sram sram = Msp430Sram.read(m.dir());
    Path scratch = Files.createTempDirectory("tenax-msp430-power");
    try (MspdebugSession sim = MspdebugSession.start(Msp430Run.simCommand(m.dir()), timeoutSeconds)) {
      // the SRAM garbage follows the schedule's seed, so a random schedule's run repeats exactly
      Msp430PowerRun r = new Msp430PowerRun(sim, sram, schedule == null ? 1 : schedule.seed() * 31 + 1, scratch);
      r.expect("simio add tracer t 64", "");
      // the kernels and helpers use the 16x16 multiplier at 0x0130, where the simulator has it
      r.expect("simio add hwmult m", "");
      r.expect("prog " + elf, "Done,");
      int i = 0;
      for (Map.Entry<String, TensorType> e : m.inputs().entrySet()) {
        r.load(HarnessTensors.input(e.getKey(), feed.get(e.getKey()), e.getValue()), "tenax_input_" + i++);
      }
      r.load(firmwareSchedule, "tenax_power_schedule");
      r.expect("setbreak tenax_exit", "Set breakpoint");
      r.expect("setbreak tenax_power_fail", "Set breakpoint");
      return driver.drive(r);
    } finally {
      try (Stream<Path> s = Files.walk(scratch)) {
        for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(q);
        }
      }
    }
  }

  /** A command for a driver, failing when the firmware stopped the simulator (an invalid instruction). */
  String command(String line) throws IOException {
    return checked(sim.command(line));
  }

  /** The last part of the conversation with mspdebug, for error messages. */
  String consoleTail() {
    return sim.consoleTail();
  }

  /** This boot's on-time so far, in MCLK cycles. */
  long bootCycles() throws IOException {
    return mclk(sim.command("simio info t"));
  }

  /**
   * After a driver's last failure: runs on at full speed (its own breakpoints removed) to the end
   * of main and reads the outputs.
   */
  PowerFailureRun.Run runToEnd(ProjectManifest m) throws IOException {
    long ended;
    while ((ended = runToBreak()) < 0) {
      // the power failed at an NVM write (not a schedule a driver mixes with its own failures)
    }
    onTime += ended;
    return finish(m);
  }

  /** After a driver's own stop at the tenax_exit breakpoint: the last boot's on-time and the outputs. */
  PowerFailureRun.Run stoppedAtExit(ProjectManifest m) throws IOException {
    onTime += doneAt(sim.command("simio info t"));
    return finish(m);
  }

  /**
   * {@code bytes} bytes of the simulator's memory from {@code address}, read with {@code md}: the
   * core can run on afterwards (mspdebug's save_raw resets it).
   */
  byte[] memory(long address, int bytes) throws IOException {
    String dump = sim.command("md 0x" + Long.toHexString(address) + " " + bytes);
    byte[] b = new byte[bytes];
    int n = 0;
    Matcher line = DUMP_LINE.matcher(dump);
    while (line.find() && n < bytes) {
      for (String hex : line.group(1).trim().split("\\s+")) {
        if (n < bytes) {
          b[n++] = (byte) Integer.parseInt(hex, 16);
        }
      }
    }
    if (n != bytes) {
      throw new FirmwareException("mspdebug did not show " + bytes + " bytes at 0x" + Long.toHexString(address)
          + ":\n" + dump);
    }
    return b;
  }

  /** Writes {@code bytes} at {@code address} (the simulator's memory, as a debugger would). */
  void writeMemory(long address, byte[] bytes) throws IOException {
    StringBuilder c = new StringBuilder("mw 0x").append(Long.toHexString(address));
    for (byte b : bytes) {
      c.append(" 0x").append(Integer.toHexString(b & 0xFF));
    }
    expect(c.toString(), "");
  }

  /**
   * Boots until main is done, the power failing at {@code schedule}'s MCLK points (failures on NVM
   * writes come from the firmware, which stops at tenax_power_fail).
   */
  private PowerFailureRun.Run untilMainIsDone(PowerSchedule schedule, long plainOnTime, ProjectManifest m)
      throws IOException {
    boolean onCycles = schedule != null && !schedule.none() && !schedule.onNvmWrites();
    List<Long> points = onCycles ? schedule.points(plainOnTime) : List.of();
    boolean every = onCycles && schedule.kind() == PowerSchedule.Kind.EVERY;
    int next = 0;
    powerOn();
    while (true) {
      while (!every && next < points.size() && points.get(next) <= onTime) {
        next++;
      }
      long budget = every ? points.get(0) : next < points.size() ? points.get(next) - onTime : -1;
      long ended = budget < 0 ? runToBreak() : stepTo(budget);
      if (ended >= 0) {
        onTime += ended;
        return finish(m);
      }
    }
  }

  /** Power-on: SRAM holds garbage, the tracer counts this boot from zero, the core resets. */
  void powerOn() throws IOException {
    for (String fill : sram.randomFill(garbage)) {
      sim.command(fill);
    }
    sim.command("simio config t clear");
    sim.command("reset");
    boots++;
  }

  /** The power fails after {@code cycles} of this boot's on-time. */
  void powerFailure(long cycles) throws IOException {
    onTime += cycles;
    failures++;
    long firmware = le32(read("tenax_harness", 4), 0);
    failuresBeforeBoot = firmware == firmwareBoots ? failuresBeforeBoot + 1 : 0;
    firmwareBoots = firmware;
    if (failuresBeforeBoot >= MAX_FAILURES_BEFORE_BOOT) {
      throw new FirmwareException("TENAX-NO-PROGRESS: the power failed " + failuresBeforeBoot + " times in a row "
          + "before the firmware finished booting (a boot lasts longer than the schedule's on-time; " + cycles
          + " MCLK cycles the last time): give each charge more cycles");
    }
    powerOn();
  }

  /**
   * Runs this boot up to a breakpoint: the power fails at tenax_power_fail (and this returns -1),
   * or main is done and this returns the boot's on-time.
   */
  private long runToBreak() throws IOException {
    String stop = checked(sim.command("run"));
    String info = sim.command("simio info t");
    String function = Msp430Stop.functionOf(stop);
    if (function.equals("tenax_power_fail")) {
      powerFailure(mclk(info));
      return -1;
    }
    if (!function.equals("tenax_exit")) {
      throw new FirmwareException("the simulator stopped outside tenax_exit and tenax_power_fail:\n" + sim.consoleTail());
    }
    return doneAt(info);
  }

  /**
   * Steps this boot until its on-time reaches {@code budget} MCLK cycles, where the power fails
   * (and this returns -1), or until main is done first (this returns the boot's on-time).
   */
  private long stepTo(long budget) throws IOException {
    long now = mclk(sim.command("simio info t"));
    while (now < budget) {
      long chunk = Math.max(1, (budget - now) / MAX_CYCLES_PER_INSTRUCTION);
      checked(sim.command("step " + chunk));
      String info = sim.command("simio info t");
      if (DONE_MARK.matcher(info).find()) {
        return doneAt(info);
      }
      now = mclk(info);
    }
    powerFailure(now);
    return -1;
  }

  /** The boot's on-time at the end of main, once main has handed its status to tenax_exit. */
  private long doneAt(String info) throws IOException {
    Matcher done = DONE_MARK.matcher(info);
    long at = -1;
    while (done.find()) {
      at = Long.parseLong(done.group(1));
    }
    if (at < 0) {
      throw new FirmwareException("the firmware reached tenax_exit without finishing main (compile the model "
          + "again?):\n" + sim.consoleTail());
    }
    // from the end of main to tenax_exit's store of the status: the epilogue, a call, one move
    checked(sim.command("step 64"));
    return at;
  }

  /** Reads the status and the outputs after the last boot. */
  PowerFailureRun.Run finish(ProjectManifest m) throws IOException {
    int status = (short) le16(read("tenax_exit_status", 2));
    if (status == NO_PROGRESS) {
      byte[] h = read("tenax_harness", 12);
      throw new FirmwareException("TENAX-NO-PROGRESS commits=" + le32(h, 8) + " boots=" + le32(h, 0) + ": the power "
          + "fails before the tile in flight (even split in quarters) and its commit finish; use a larger capacitor "
          + "or a smaller --tile-work");
    }
    if (status != 0) {
      throw new FirmwareException("the firmware failed with status " + status + (status == 3
          ? " (the stack overflowed its reserve: the arena or .bss may be corrupted)"
          : " (a kernel rejected its arguments)"));
    }
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, TensorType> e : m.outputs().entrySet()) {
      outputs.put(e.getKey(), HarnessTensors.output("tenax_output_" + i, e.getValue(), read("tenax_output_" + i++, (int) e.getValue().bytes())));
    }
    return new PowerFailureRun.Run(outputs, onTime, boots, failures, sim.consoleTail());
  }

  private void load(byte[] data, String symbol) throws IOException {
    Path f = scratch.resolve(symbol + ".bin");
    Files.write(f, data);
    expect("load_raw " + f + " " + symbol, "Done,");
  }

  /** Reads {@code bytes} at {@code symbol} with save_raw, which resets the core: only between boots or at the end. */
  private byte[] read(String symbol, int bytes) throws IOException {
    Path f = scratch.resolve(symbol + ".out");
    Files.deleteIfExists(f);
    sim.command("save_raw " + symbol + " " + bytes + " " + f);
    if (!Files.exists(f) || Files.size(f) != bytes) {
      throw new FirmwareException("mspdebug could not save " + symbol + " (missing from the ELF? compile the "
          + "model again):\n" + sim.consoleTail());
    }
    return Files.readAllBytes(f);
  }

  void expect(String command, String answer) throws IOException {
    String got = sim.command(command);
    if (!got.contains(answer) || got.contains(": can't") || got.contains("unknown")) {
      throw new FirmwareException("mspdebug could not carry out '" + command + "' (compile the model again?):\n"
          + sim.consoleTail());
    }
  }

  /** Fails when the firmware stopped the simulator itself. */
  private String checked(String answer) throws FirmwareException {
    if (answer.contains("\nsim: ") || answer.startsWith("sim: ")) {
      throw new FirmwareException("the firmware stopped the simulator (an invalid instruction: a jump through a "
          + "bad pointer or a corrupted stack):\n" + sim.consoleTail());
    }
    return answer;
  }

  private long mclk(String info) throws FirmwareException {
    Matcher c = MCLK.matcher(info);
    if (!c.find()) {
      throw new FirmwareException("the simulator's tracer gave no MCLK count:\n" + sim.consoleTail());
    }
    return Long.parseLong(c.group(1));
  }

  private static int le16(byte[] b) {
    return (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
  }

  private static long le32(byte[] b, int at) {
    return ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
  }
}
