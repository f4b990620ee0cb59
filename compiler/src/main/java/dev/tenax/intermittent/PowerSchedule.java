package dev.tenax.intermittent;

import dev.tenax.diag.UsageException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * When the power fails during a run, in one format for every platform (counts are instructions of
 * on-time on Cortex-M, MCLK cycles of on-time on MSP430, events on the host): {@code none}; {@code every:N} (after every N of on-time);
 * {@code at:N1,N2,...} (when the total on-time reaches each); {@code random:COUNT:SEED} (COUNT
 * seeded points spread over the uninterrupted run's length); {@code nvm-writes:K} (at every K-th
 * NVM word write of the progress commits; the write does not happen); {@code at-nvm-writes:W1,...}
 * (at those write indices, counted over the run); {@code first-writes:STRIDE} (before every
 * STRIDE-th first write, a first write being a tile's first store to a word of the arena or the
 * outputs, numbered in the order they happen) and {@code at-first-writes:F1,...} (before those
 * first writes): on Cortex-M under QEMU driven through the gdbstub (dev.tenax.hostrun.FirstWriteSweep),
 * on MSP430 under mspdebug sim (dev.tenax.hostrun.Msp430FirstWrites), on the host by the harness
 * itself (page protection, Linux x86-64).
 */
public record PowerSchedule(Kind kind, List<Long> values, long seed) {
  public enum Kind { NONE, EVERY, AT, RANDOM, NVM_WRITES, AT_NVM_WRITES, FIRST_WRITES, AT_FIRST_WRITES }

  static final String FORMATS = "none, every:N, at:N1,N2,..., random:COUNT:SEED, nvm-writes:K, at-nvm-writes:W1,W2,..., "
      + "first-writes:STRIDE or at-first-writes:F1,F2,...";

  public static PowerSchedule parse(String spec) throws UsageException {
    String[] p = spec.trim().split(":", -1);
    try {
      switch (p[0]) {
        case "none":
          if (p.length == 1) {
            return new PowerSchedule(Kind.NONE, List.of(), 0);
          }
          break;
        case "every":
          if (p.length == 2) {
            return new PowerSchedule(Kind.EVERY, List.of(positive(p[1])), 0);
          }
          break;
        case "at":
          if (p.length == 2) {
            return new PowerSchedule(Kind.AT, ascending(p[1]), 0);
          }
          break;
        case "random":
          if (p.length == 3) {
            return new PowerSchedule(Kind.RANDOM, List.of(positive(p[1])), Long.parseLong(p[2].trim()));
          }
          break;
        case "nvm-writes":
          if (p.length == 2) {
            return new PowerSchedule(Kind.NVM_WRITES, List.of(positive(p[1])), 0);
          }
          break;
        case "at-nvm-writes":
          if (p.length == 2) {
            return new PowerSchedule(Kind.AT_NVM_WRITES, ascending(p[1]), 0);
          }
          break;
        case "first-writes":
          if (p.length == 2) {
            return new PowerSchedule(Kind.FIRST_WRITES, List.of(positive(p[1])), 0);
          }
          break;
        case "at-first-writes":
          if (p.length == 2) {
            return new PowerSchedule(Kind.AT_FIRST_WRITES, ascending(p[1]), 0);
          }
          break;
        default:
          break;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--power-failures '" + spec + "' is not a schedule: use " + FORMATS
        + " (counts are instructions of on-time on Cortex-M, MCLK cycles on MSP430)");
  }

  /** Comma-separated positive counts, without repeats, in ascending order. */
  private static List<Long> ascending(String list) {
    TreeSet<Long> at = new TreeSet<>();
    for (String v : list.split(",")) {
      at.add(positive(v));
    }
    return List.copyOf(at);
  }

  private static long positive(String s) {
    long v = Long.parseLong(s.trim());
    if (v < 1) {
      throw new NumberFormatException();
    }
    return v;
  }

  public boolean none() {
    return kind == Kind.NONE;
  }

  /**
   * The schedule's values with random ones drawn: for {@code random:COUNT:SEED}, COUNT distinct
   * seeded points in [1, uninterrupted) (fewer when the run is shorter), ascending; otherwise the
   * values as given. {@code uninterrupted} is the run's length without failures in the schedule's unit.
   */
  public List<Long> points(long uninterrupted) {
    if (kind != Kind.RANDOM) {
      return values;
    }
    Random r = new Random(seed);
    TreeSet<Long> at = new TreeSet<>();
    long count = Math.min(values.get(0), Math.max(1, uninterrupted - 1));
    while (at.size() < count) {
      at.add(1 + (long) (r.nextDouble() * Math.max(1, uninterrupted - 1)));
    }
    return List.copyOf(at);
  }

  /** Whether the failures fall on NVM writes (counted by the firmware) rather than on on-time. */
  public boolean onNvmWrites() {
    return kind == Kind.NVM_WRITES || kind == Kind.AT_NVM_WRITES;
  }

  /** Whether the failures fall on the first stores to NVM words, which a debugger watches for. */
  public boolean onFirstWrites() {
    return kind == Kind.FIRST_WRITES || kind == Kind.AT_FIRST_WRITES;
  }

  /** Whether the power fails before the {@code n}-th first write (counted from 1). */
  public boolean failsAtFirstWrite(long n) {
    return kind == Kind.FIRST_WRITES ? n % values.get(0) == 0 : kind == Kind.AT_FIRST_WRITES && values.contains(n);
  }

  /** The last first write the schedule fails at, or Long.MAX_VALUE when there is no last one. */
  public long lastFirstWrite() {
    return kind == Kind.AT_FIRST_WRITES ? values.get(values.size() - 1) : Long.MAX_VALUE;
  }

  /**
   * The firmware's power_schedule.bin: little-endian uint32 kind (1 every, 2 at, 3 nvm-writes, 4
   * at-nvm-writes, 5 first-writes, 6 at-first-writes: the last two for the host harness only), count,
   * values in SysTick ticks ({@code clockHz} ticks per 1e9 instructions under -icount shift=0, at
   * least 1, points that share a tick moved to the next ones) or, for writes, as given.
   * {@code uninterrupted} is the run's length without failures, in instructions (for random).
   */
  public byte[] firmwareFile(long uninterrupted, long clockHz) {
    List<Long> instructions = points(uninterrupted);
    if (instructions.size() > 1024) {
      throw new IllegalArgumentException("at most 1024 failure points, not " + instructions.size());
    }
    ByteBuffer b = ByteBuffer.allocate(8 + 4 * instructions.size()).order(ByteOrder.LITTLE_ENDIAN);
    boolean writes = onNvmWrites() || onFirstWrites();
    int code = switch (kind) {
      case NONE -> 0;
      case EVERY -> 1;
      case AT, RANDOM -> 2;
      case NVM_WRITES -> 3;
      case AT_NVM_WRITES -> 4;
      case FIRST_WRITES -> 5;
      case AT_FIRST_WRITES -> 6;
    };
    b.putInt(code).putInt(instructions.size());
    long previous = 0;
    for (long n : instructions) {
      long ticks = writes ? n : Math.max(1, Math.round(n * (double) clockHz / 1e9));
      if (kind != Kind.EVERY && !writes) {
        // the firmware fails at most once a tick: a point in the previous one's tick takes the next
        // tick, so that every point given is a failure
        ticks = Math.max(ticks, previous + 1);
        previous = ticks;
      }
      if (ticks > 0xFFFFFFFFL) {
        throw new IllegalArgumentException(n + " instructions is beyond the schedule's range");
      }
      b.putInt((int) ticks);
    }
    return b.array();
  }
}
