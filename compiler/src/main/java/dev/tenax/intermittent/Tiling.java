package dev.tenax.intermittent;

import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Splits a program's kernel calls into tiles of bounded work, the unit an intermittent build
 * commits and, after a power failure, runs again. The tiled program is an ordinary program (each
 * tile is a call of the same kernel on parts of the same buffers), so the Java evaluator, the
 * planner and the C generator handle it unchanged, and running it must give the untiled
 * program's bits.
 *
 * @param program the tiled program
 * @param tilesPerStep for each call of the original program, how many tiles replaced it
 */
public record Tiling(Program program, List<Integer> tilesPerStep) {
  /** Work of one call: its multiply-accumulates, or the elements it writes when it has none. */
  public static long work(Step s) {
    return Math.max(s.macs(), s.write().elements());
  }

  /**
   * Splits every call whose work exceeds {@code maxWork} into the fewest tiles that bring each
   * (the largest of uneven ones too) under it, as far as the call can be split (a convolution by output rows, an elementwise call
   * by elements); calls that cannot be split stay whole.
   */
  public static Tiling split(Program p, long maxWork) {
    if (maxWork < 1) {
      throw new IllegalArgumentException("maxWork must be positive, not " + maxWork);
    }
    return split(p, s -> maxWork);
  }

  /** Like {@link #split(Program, long)} with a bound per call. */
  public static Tiling split(Program p, ToLongFunction<Step> maxWorkOf) {
    List<Step> steps = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (Step s : p.steps()) {
      int parts = 1;
      long maxWork = Math.max(1, maxWorkOf.applyAsLong(s));
      List<Step> tiles = List.of(s);
      if (s instanceof Tileable t) {
        long wanted = (work(s) + maxWork - 1) / maxWork;
        parts = (int) Math.max(1, Math.min(wanted, t.maxTiles()));
        tiles = parts == 1 ? tiles : t.tiles(parts);
        // tiles split by rows or channels can be uneven: more parts until the largest fits
        while (parts < t.maxTiles() && largest(tiles) > maxWork) {
          tiles = t.tiles(++parts);
        }
      }
      steps.addAll(tiles);
      counts.add(tiles.size());
    }
    Program tiled = new Program(p.name(), p.buffers(), List.copyOf(steps), p.inputs(), p.outputs(), p.floatNodes());
    return new Tiling(tiled, List.copyOf(counts));
  }

  private static long largest(List<Step> tiles) {
    return tiles.stream().mapToLong(Tiling::work).max().orElse(0);
  }

  /** A call whose smallest tile needs more than one charge. */
  public static final class ChargeTooSmall extends Exception {
    public final int step;
    public final double faradsNeeded;

    ChargeTooSmall(int step, String message, double faradsNeeded) {
      super(message);
      this.step = step;
      this.faradsNeeded = faradsNeeded;
    }
  }

  /**
   * Tiles that each fit one charge of {@code c} on a target costed by {@code m} (with its reboot,
   * commit and margin); refuses a program whose smallest tile of some call does not, naming the
   * capacitance that would be enough for every call.
   */
  public static Tiling forCharge(Program p, PowerModel m, Capacitor c) throws ChargeTooSmall {
    long budget = m.tileCycles(c);
    Tiling t = split(p, s -> maxWorkWithin(s, m, budget));
    long worst = 0;
    int worstStep = -1;
    int tile = 0;
    for (int i = 0; i < p.steps().size(); i++) {
      for (int k = 0; k < t.tilesPerStep().get(i); k++, tile++) {
        long cycles = (long) Math.ceil(m.cycles(t.program().steps().get(tile)));
        if (cycles > budget && cycles > worst) {
          worst = cycles;
          worstStep = i;
        }
      }
    }
    if (worstStep >= 0) {
      Step s = p.steps().get(worstStep);
      double farads = c.faradsFor(m.joulesFor(worst));
      throw new ChargeTooSmall(worstStep, String.format(java.util.Locale.ROOT,
          "call %d (%s for '%s') cannot be split into tiles that fit one charge: its smallest tile needs about %d "
          + "cycles, one charge of %s pays for %d on %s; a capacitor of at least %.0f uF (same voltages) would do",
          worstStep, s.kernel(), s.node(), worst, c, Math.max(0, budget), m.target(), Math.ceil(farads * 1e6)),
          farads);
    }
    return t;
  }

  /**
   * The most work of {@code s} one tile may take within {@code budget} cycles: the call's fixed
   * cycles come with every tile, the rest shrinks with the tile's share of the work.
   */
  static long maxWorkWithin(Step s, PowerModel m, long budget) {
    double fixed = m.fixedCycles(s);
    double variable = m.cycles(s) - fixed;
    if (variable <= 0) {
      return Long.MAX_VALUE; // no size-dependent part: splitting does not help
    }
    return (long) Math.floor(Math.max(0, budget - fixed) * work(s) / variable);
  }
}
