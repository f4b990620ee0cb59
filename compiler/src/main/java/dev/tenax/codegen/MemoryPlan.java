package dev.tenax.codegen;

import dev.tenax.lower.Buffer;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import dev.tenax.plan.ArenaPlan;
import dev.tenax.plan.ArenaPlanner;
import dev.tenax.plan.BufferRequest;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arena placement of a program's buffers: each arena buffer lives from the first step that
 * touches it to the last, and the planner packs them. Every buffer is aligned to its element
 * size and at least 4 bytes, so kernels may read int32 and float data directly.
 */
public record MemoryPlan(ArenaPlan arena, Map<Buffer, Long> offsets, Map<Buffer, int[]> lifetimes) {
  static final int MIN_ALIGN = 4;

  public static MemoryPlan of(Program program) {
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
    List<BufferRequest> requests = new ArrayList<>();
    for (Buffer b : program.buffers()) {
      if (b.kind() == Buffer.Kind.ARENA && life.containsKey(b)) {
        int[] l = life.get(b);
        requests.add(new BufferRequest(key(b), b.bytes(), Math.max(MIN_ALIGN, b.dtype().byteSize()),
            l[0], l[1]));
      }
    }
    ArenaPlan plan = ArenaPlanner.plan(requests);
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
