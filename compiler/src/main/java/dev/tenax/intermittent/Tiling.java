package dev.tenax.intermittent;

import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import java.util.ArrayList;
import java.util.List;

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
    List<Step> steps = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (Step s : p.steps()) {
      int parts = 1;
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
}
