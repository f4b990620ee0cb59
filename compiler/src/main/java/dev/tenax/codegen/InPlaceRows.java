package dev.tenax.codegen;

import dev.tenax.lower.Buffer;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.lower.Tileable;
import dev.tenax.lower.View;
import dev.tenax.plan.SharedBytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arena of a continuous build, made smaller by running some calls in place: a call that reads
 * a tensor for the last time and can run in row tiles writes its output over the input rows its
 * remaining tiles no longer need (in order, the output sits a little under the input; in reverse
 * order, a little over it, so a chain of such calls alternates and stays within one tensor plus a
 * few rows). TinyEngine and MCUNet do the same for depthwise layers.
 *
 * <p>Every extra tile is one more kernel call, so the choice is made twice: first with every
 * candidate call in its finest tiles, which gives the smallest arena this way can reach, then
 * call by call with the fewest tiles that keep that arena, none where running in place does not
 * help. The tiles are ordinary calls of the same kernel on parts of the same buffers (as in an
 * intermittent build), so the Java evaluator and the C code need nothing new; {@link ArenaSafety}
 * checks the result.
 *
 * @param program the program with the chosen calls tiled, each call's tiles in the order it runs
 * @param plan the arena placement, in which each tiled call's output overlaps its input
 * @param tiled for each tiled call of the input program (by index), its number of tiles
 */
public record InPlaceRows(Program program, MemoryPlan plan, Map<Integer, Integer> tiled) {
  /**
   * The fewest output rows (or elements) a tile takes: kernels that work on two rows at once keep
   * that path (the DSP 3x3 depthwise needs two; one-row bands of DS-CNN KWS's fell back to a path
   * at 16 instructions per MAC), for one row more of distance between output and input.
   */
  static final int MIN_ROWS = 2;

  /** Tile counts tried per call: few calls first, then finer, always ending with the finest. */
  private static final int[] PARTS = {1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 48, 64, 96, 128};

  /**
   * The fewest row tiles that bring the arena to at most {@code arenaLimit} bytes, or to the smallest
   * arena this way reaches when that is more; the plain program when running nothing in place does
   * as well.
   */
  public static InPlaceRows of(Program lowered, long arenaLimit) {
    return new Search(lowered).within(arenaLimit);
  }

  /**
   * The choices for one program, for any number of arena limits (a build looking for the largest
   * arena that fits asks several): its candidates, its plain plan and its smallest arena are found
   * once.
   */
  public static final class Search {
    private final Program lowered;
    private final Map<Integer, Candidate> candidates;
    private final MemoryPlan plain;
    /** Every candidate in its finest tiles; null until a limit below the plain arena asks for it. */
    private InPlaceRows finest;
    /** {@link #smallest}, once asked. */
    private InPlaceRows smallest;

    public Search(Program lowered) {
      this.lowered = lowered;
      this.candidates = candidates(lowered);
      this.plain = MemoryPlan.of(lowered);
    }

    /** The program the choices are for. */
    public Program lowered() {
      return lowered;
    }

    /** The program's plan with nothing in place. */
    public MemoryPlan plain() {
      return plain;
    }

    /** The smallest arena this way reaches, with the fewest tiles that keep it ({@code within(0)}, kept). */
    public InPlaceRows smallest() {
      if (smallest == null) {
        smallest = within(0);
      }
      return smallest;
    }

    /** {@link InPlaceRows#of} for this program. */
    public InPlaceRows within(long arenaLimit) {
      if (candidates.isEmpty() || arenaLimit >= plain.arena().arenaBytes()) {
        return new InPlaceRows(lowered, plain, Map.of());
      }
      Map<Integer, Integer> parts = new LinkedHashMap<>();
      candidates.forEach((step, c) -> parts.put(step, c.maxTiles));
      if (finest == null) {
        finest = build(lowered, candidates, parts);
      }
      long limit = Math.max(arenaLimit, finest.plan.arena().arenaBytes());
      if (limit >= plain.arena().arenaBytes()) {
        return new InPlaceRows(lowered, plain, Map.of());
      }
      for (int step : candidates.keySet()) {
        for (int p : choices(candidates.get(step).maxTiles)) {
          int before = parts.put(step, p);
          if (build(lowered, candidates, parts).plan.arena().arenaBytes() <= limit) {
            break;
          }
          parts.put(step, before);
        }
      }
      parts.values().removeIf(p -> p == 1);
      InPlaceRows chosen = build(lowered, candidates, parts);
      return new InPlaceRows(chosen.program, chosen.plan, Collections.unmodifiableMap(new LinkedHashMap<>(parts)));
    }
  }

  /**
   * A call that may run in place: it writes {@code output} first and reads {@code input} last, in at
   * most {@code maxTiles} tiles of at least {@link #MIN_ROWS} rows each.
   */
  private record Candidate(Buffer input, Buffer output, int maxTiles) {}

  private static Map<Integer, Candidate> candidates(Program p) {
    Map<Buffer, Integer> first = new IdentityHashMap<>();
    Map<Buffer, Integer> last = new IdentityHashMap<>();
    for (int i = 0; i < p.steps().size(); i++) {
      Step s = p.steps().get(i);
      List<View> touched = new ArrayList<>(s.reads());
      touched.add(s.write());
      for (View v : touched) {
        first.putIfAbsent(v.buffer(), i);
        last.put(v.buffer(), i);
      }
    }
    Map<Integer, Candidate> found = new LinkedHashMap<>();
    for (int i = 0; i < p.steps().size(); i++) {
      Step s = p.steps().get(i);
      Buffer out = s.write().buffer();
      if (!(s instanceof Tileable t) || t.maxTiles() < 2 * MIN_ROWS || out.kind() != Buffer.Kind.ARENA
          || first.get(out) != i) {
        continue;
      }
      Buffer in = null;
      for (View r : s.reads()) {
        Buffer b = r.buffer();
        if (b != out && b.kind() == Buffer.Kind.ARENA && last.get(b) == i && (in == null || b.bytes() > in.bytes())) {
          in = b;
        }
      }
      if (in != null) {
        found.put(i, new Candidate(in, out, t.maxTiles() / MIN_ROWS));
      }
    }
    return found;
  }

  private static List<Integer> choices(int maxTiles) {
    List<Integer> c = new ArrayList<>();
    for (int p : PARTS) {
      if (p < maxTiles) {
        c.add(p);
      }
    }
    c.add(maxTiles);
    return c;
  }

  /** The program with {@code parts} tiles of each candidate, planned, each call's tiles in the order its placement needs. */
  private static InPlaceRows build(Program lowered, Map<Integer, Candidate> candidates, Map<Integer, Integer> parts) {
    List<List<Step>> calls = new ArrayList<>();
    List<SharedBytes> shared = new ArrayList<>();
    Map<Integer, SharedBytes> sharedOfCall = new LinkedHashMap<>();
    for (int i = 0; i < lowered.steps().size(); i++) {
      Step s = lowered.steps().get(i);
      int n = parts.getOrDefault(i, 1);
      if (n == 1) {
        calls.add(List.of(s));
        continue;
      }
      Candidate c = candidates.get(i);
      List<Step> tiles = ((Tileable) s).tiles(n);
      SharedBytes sb = distances(c, tiles);
      calls.add(tiles);
      shared.add(sb);
      sharedOfCall.put(i, sb);
    }
    MemoryPlan plan = MemoryPlan.of(program(lowered, calls), shared);
    for (Map.Entry<Integer, SharedBytes> e : sharedOfCall.entrySet()) {
      SharedBytes sb = e.getValue();
      if (!sb.forward(plan.arena().offsets().get(sb.input()), plan.arena().offsets().get(sb.output()))) {
        List<Step> reversed = new ArrayList<>(calls.get(e.getKey()));
        Collections.reverse(reversed);
        calls.set(e.getKey(), reversed);
      }
    }
    return new InPlaceRows(program(lowered, calls), plan, parts);
  }

  private static Program program(Program lowered, List<List<Step>> calls) {
    List<Step> steps = new ArrayList<>();
    calls.forEach(steps::addAll);
    return new Program(lowered.name(), lowered.buffers(), List.copyOf(steps), lowered.inputs(), lowered.outputs(),
        lowered.floatNodes());
  }

  /**
   * How far the output must start under the input for the tiles in order (each tile's writes end
   * at or before the first input byte that it or a later tile reads), and over it in reverse order.
   */
  static SharedBytes distances(Candidate c, List<Step> tiles) {
    int n = tiles.size();
    long[] writeStart = new long[n];
    long[] writeEnd = new long[n];
    long[] readStart = new long[n];
    long[] readEnd = new long[n];
    for (int t = 0; t < n; t++) {
      View w = tiles.get(t).write();
      long size = w.buffer().dtype().byteSize();
      writeStart[t] = w.offset() * size;
      writeEnd[t] = (w.offset() + (long) w.elements()) * size;
      readStart[t] = Long.MAX_VALUE;
      readEnd[t] = 0;
      for (View r : tiles.get(t).reads()) {
        if (r.buffer() == c.input) {
          long rs = r.buffer().dtype().byteSize();
          readStart[t] = Math.min(readStart[t], r.offset() * rs);
          readEnd[t] = Math.max(readEnd[t], (r.offset() + (long) r.elements()) * rs);
        }
      }
    }
    long below = 0;
    long minRead = Long.MAX_VALUE;
    for (int t = n - 1; t >= 0; t--) {
      minRead = Math.min(minRead, readStart[t]);
      below = Math.max(below, writeEnd[t] - Math.min(minRead, c.input.bytes()));
    }
    long above = 0;
    long maxRead = 0;
    for (int t = 0; t < n; t++) {
      maxRead = Math.max(maxRead, readEnd[t]);
      above = Math.max(above, maxRead - writeStart[t]);
    }
    return new SharedBytes(MemoryPlan.key(c.input), MemoryPlan.key(c.output), Math.min(below, c.output.bytes()),
        Math.min(above, c.input.bytes()));
  }
}
