package dev.tenax.codegen;

import dev.tenax.lower.Buffer;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a placement byte by byte against the calls that use it: every arena byte a call reads
 * must still hold what the buffer it reads wrote there (no later call put another buffer over it),
 * and no call may write an arena byte it also reads, since a kernel may store an output before it
 * loads every input. Overlapping buffers ({@link InPlaceRows}) rely on exactly this, and so does
 * every other placement, so the compiler runs it on every plan.
 */
final class ArenaSafety {
  private ArenaSafety() {}

  /** What a call would read that is no longer there, or would overwrite while reading; empty when none. */
  static List<String> check(Program program, MemoryPlan plan) {
    int[] owner = new int[(int) plan.arena().arenaBytes()];
    Arrays.fill(owner, -1);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < program.steps().size() && problems.size() < 10; i++) {
      Step s = program.steps().get(i);
      long[] write = span(s.write(), plan);
      for (View r : s.reads()) {
        long[] read = span(r, plan);
        if (read == null) {
          continue;
        }
        for (long b = read[0]; b < read[1]; b++) {
          if (owner[(int) b] != r.buffer().id()) {
            problems.add("call " + i + " (" + s.kernel() + " for '" + s.node() + "') reads arena byte " + b + " of "
                + r + ", which holds " + (owner[(int) b] < 0 ? "nothing written" : "buffer b" + owner[(int) b]));
            break;
          }
        }
        if (write != null && write[0] < read[1] && read[0] < write[1]) {
          problems.add("call " + i + " (" + s.kernel() + " for '" + s.node() + "') writes " + s.write()
              + " over arena bytes it reads from " + r);
        }
      }
      if (write != null) {
        Arrays.fill(owner, (int) write[0], (int) write[1], s.write().buffer().id());
      }
    }
    return problems;
  }

  /** The arena bytes {@code v} covers, or null when its buffer is not in the arena. */
  private static long[] span(View v, MemoryPlan plan) {
    Buffer b = v.buffer();
    Long base = plan.offsets().get(b);
    if (b.kind() != Buffer.Kind.ARENA || base == null) {
      return null;
    }
    long size = b.dtype().byteSize();
    long start = base + v.offset() * size;
    return new long[] {start, start + v.elements() * size};
  }
}
