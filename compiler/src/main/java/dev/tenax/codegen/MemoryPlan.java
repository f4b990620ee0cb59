package dev.tenax.codegen;

import dev.tenax.intermittent.TileGroups;
import dev.tenax.lower.Buffer;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import dev.tenax.plan.ArenaPlan;
import dev.tenax.plan.ArenaPlanner;
import dev.tenax.plan.BufferRequest;
import dev.tenax.plan.SharedBytes;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arena placement of a program's buffers: each arena buffer lives from the first step that
 * touches it to the last, and the planner packs them. Every buffer is aligned to its element
 * size and at least 4 bytes, so kernels may read int32 and float data directly.
 *
 * <p>With tile groups (an intermittent build that commits after several calls), a buffer that a
 * group reads and that was written before the group started lives until the group's end: a
 * failure runs the whole group again, so nothing later in the group may be placed over what its
 * earlier calls read. Buffers born inside a group are written again before they are read on a
 * re-run, so their lifetimes stay as they are.
 */
public record MemoryPlan(ArenaPlan arena, Map<Buffer, Long> offsets, Map<Buffer, int[]> lifetimes) {
  static final int MIN_ALIGN = 4;

  /** The plan of a continuous build, or of an intermittent one that commits after every call. */
  public static MemoryPlan of(Program program) {
    return of(program, TileGroups.single(program.steps().size()));
  }

  /**
   * The plan of a continuous build in which the {@code shared} pairs of buffers may overlap as they
   * allow ({@link InPlaceRows}).
   */
  public static MemoryPlan of(Program program, List<SharedBytes> shared) {
    return place(program, lifetimes(program), shared);
  }

  /** The plan of a program whose calls commit in {@code groups}. */
  public static MemoryPlan of(Program program, TileGroups groups) {
    if (groups.calls() != program.steps().size()) {
      throw new IllegalArgumentException(groups.calls() + " calls in groups, " + program.steps().size() + " in the program");
    }
    Map<Buffer, int[]> life = lifetimes(program);
    extendToGroupEnds(program, groups, life);
    return place(program, life, List.of());
  }

  /** From the first step that touches each buffer to the last. */
  private static Map<Buffer, int[]> lifetimes(Program program) {
    Map<Buffer, int[]> life = new IdentityHashMap<>();
    List<Step> steps = program.steps();
    for (int i = 0; i < steps.size(); i++) {
      List<View> touched = new ArrayList<>(steps.get(i).reads());
      touched.add(steps.get(i).write());
      for (View v : touched) {
        int step = i;
        life.merge(v.buffer(), new int[] {i, i},
            (a, b) -> new int[] {Math.min(a[0], step), Math.max(a[1], step)});
      }
    }
    return life;
  }

  /** A buffer read in a group that it was born before lives until the group's last call. */
  private static void extendToGroupEnds(Program program, TileGroups groups, Map<Buffer, int[]> life) {
    int[] starts = groups.starts();
    int[] group = groups.groupOfCall();
    List<Step> steps = program.steps();
    for (int i = 0; i < steps.size(); i++) {
      int start = starts[group[i]];
      int end = starts[group[i] + 1] - 1;
      for (View r : steps.get(i).reads()) {
        int[] l = life.get(r.buffer());
        if (l[0] < start && l[1] < end) {
          l[1] = end;
        }
      }
    }
  }

  private static MemoryPlan place(Program program, Map<Buffer, int[]> life, List<SharedBytes> shared) {
    List<BufferRequest> requests = new ArrayList<>();
    for (Buffer b : program.buffers()) {
      if (b.kind() == Buffer.Kind.ARENA && life.containsKey(b)) {
        int[] l = life.get(b);
        requests.add(new BufferRequest(key(b), b.bytes(), Math.max(MIN_ALIGN, b.dtype().byteSize()),
            l[0], l[1]));
      }
    }
    ArenaPlan plan = ArenaPlanner.plan(requests, shared);
    Map<Buffer, Long> offsets = new IdentityHashMap<>();
    for (Buffer b : program.buffers()) {
      Long off = plan.offsets().get(key(b));
      if (off != null) {
        offsets.put(b, off);
      }
    }
    return new MemoryPlan(plan, offsets, life);
  }

  static String key(Buffer b) {
    return "b" + b.id();
  }
}
