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
   * under it, as far as the call can be split (a convolution by output rows, an elementwise call
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
      if (s instanceof Tileable t) {
        long wanted = (work(s) + maxWork - 1) / maxWork;
        parts = (int) Math.max(1, Math.min(wanted, t.maxTiles()));
      }
      List<Step> tiles = parts == 1 ? List.of(s) : ((Tileable) s).tiles(parts);
      steps.addAll(tiles);
      counts.add(tiles.size());
    }
    Program tiled = new Program(p.name(), p.buffers(), List.copyOf(steps), p.inputs(), p.outputs(), p.floatNodes());
    return new Tiling(tiled, List.copyOf(counts));
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
    Tiling t = split(p, s -> (long) Math.floor(Math.max(0, budget) / m.cyclesPerWork(s)));
    long worst = 0;
    int worstStep = -1;
    for (int i = 0; i < p.steps().size(); i++) {
      Step s = p.steps().get(i);
      long tile = (long) Math.ceil((double) work(s) / t.tilesPerStep().get(i) * m.cyclesPerWork(s));
      if (tile > budget && tile > worst) {
        worst = tile;
        worstStep = i;
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
}
