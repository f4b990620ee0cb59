package dev.tenax.intermittent;

import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Consecutive calls of a tiled program that share one progress commit: the firmware commits only
 * at the end of a group, and a power failure runs the group again from its first call. Layers
 * are of very different sizes and tiles are only split as far as one charge needs, so many are
 * far smaller than a charge; packing them into groups of about one charge's work makes the
 * commits few (small models on the MSP430 spent more on commits than on work) and the work a
 * failure wastes a fair share of a group instead of most of a large tile.
 *
 * <p>A group is idempotent as a whole only if the memory plan keeps every buffer a group reads
 * from before its start alive until its end ({@code MemoryPlan.of(program, groups)}), which
 * {@link Idempotence#checkGroups} verifies.
 *
 * @param sizes the number of calls in each group, in program order; they add up to the calls
 */
public record TileGroups(List<Integer> sizes) {
  public TileGroups {
    sizes = List.copyOf(sizes);
    for (int s : sizes) {
      if (s < 1) {
        throw new IllegalArgumentException("a group has at least one call: " + sizes);
      }
    }
  }

  /** One call per group: a commit after every tile. */
  public static TileGroups single(int calls) {
    return new TileGroups(Collections.nCopies(calls, 1));
  }

  /**
   * Packs consecutive calls greedily: a group takes the next call while the summed {@code cost}
   * stays within {@code budget}. A call that alone exceeds the budget is a group of its own.
   * The packing ignores memory: a group that reads a residual branch keeps it alive to its end
   * (ResNet-8 on cortex-m4 at 1 mF: arena 49,152 -> 57,344 bytes); see {@link #within}.
   */
  public static TileGroups pack(Program tiled, ToDoubleFunction<Step> cost, double budget) {
    List<Integer> sizes = new ArrayList<>();
    int n = 0;
    double sum = 0;
    for (Step s : tiled.steps()) {
      double c = cost.applyAsDouble(s);
      if (n > 0 && sum + c > budget) {
        sizes.add(n);
        n = 0;
        sum = 0;
      }
      n++;
      sum += c;
    }
    if (n > 0) {
      sizes.add(n);
    }
    return new TileGroups(sizes);
  }

  /**
   * These groups' cuts again, with a group also closed before a call that would raise the arena
   * ({@code arena} gives a grouping's arena bytes) above that of a commit after every call: the
   * groups that cost no memory. The check at each call assumes single calls after it, so the last
   * one checks the whole grouping. It plans the arena once per call: programs of more than
   * {@link #MEMORY_CHECKED_CALLS} calls get a commit after every call instead.
   */
  public TileGroups within(Program tiled, ToLongFunction<TileGroups> arena) {
    int calls = tiled.steps().size();
    if (calls != calls()) {
      throw new IllegalArgumentException(calls() + " calls in groups, " + calls + " in the program");
    }
    if (calls > MEMORY_CHECKED_CALLS) {
      return single(calls);
    }
    int[] groupOf = groupOfCall();
    long limit = arena.applyAsLong(single(calls));
    List<Integer> sizes = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < calls; i++) {
      boolean cut = i > 0 && groupOf[i] != groupOf[i - 1];
      if (n > 0 && (cut || arena.applyAsLong(tentative(sizes, n + 1, calls - i - 1)) > limit)) {
        sizes.add(n);
        n = 0;
      }
      n++;
    }
    if (n > 0) {
      sizes.add(n);
    }
    return new TileGroups(sizes);
  }

  /** Beyond this many calls {@link #within} does not plan the arena once per call. */
  public static final int MEMORY_CHECKED_CALLS = 4000;

  /** The closed groups, an open one of {@code open} calls, then {@code rest} single calls. */
  private static TileGroups tentative(List<Integer> closed, int open, int rest) {
    List<Integer> s = new ArrayList<>(closed);
    s.add(open);
    s.addAll(Collections.nCopies(rest, 1));
    return new TileGroups(s);
  }

  /** Groups of at most {@code maxWork} work units ({@link Tiling#work}) each. */
  public static TileGroups byWork(Program tiled, long maxWork) {
    return pack(tiled, Tiling::work, maxWork);
  }

  /** Groups whose estimated cycles on {@code m} fit the tile budget of one charge of {@code c}. */
  public static TileGroups forCharge(Program tiled, PowerModel m, Capacitor c) {
    return pack(tiled, m::cycles, m.tileCycles(c));
  }

  public int count() {
    return sizes.size();
  }

  public int calls() {
    return sizes.stream().mapToInt(Integer::intValue).sum();
  }

  /** The first call of each group, and the number of calls as a last element. */
  public int[] starts() {
    int[] starts = new int[sizes.size() + 1];
    for (int g = 0; g < sizes.size(); g++) {
      starts[g + 1] = starts[g] + sizes.get(g);
    }
    return starts;
  }

  /** For every call, the index of the group it belongs to. */
  public int[] groupOfCall() {
    int[] of = new int[calls()];
    int call = 0;
    for (int g = 0; g < sizes.size(); g++) {
      for (int k = 0; k < sizes.get(g); k++) {
        of[call++] = g;
      }
    }
    return of;
  }

  /** True when call {@code call} is the last of its group: the firmware commits after it. */
  public boolean endsGroup(int call) {
    int[] starts = starts();
    for (int g = 1; g < starts.length; g++) {
      if (starts[g] - 1 == call) {
        return true;
      }
    }
    return false;
  }

  /** True when every group is a single call (a commit after every tile). */
  public boolean allSingle() {
    return sizes.stream().allMatch(s -> s == 1);
  }
}
