package dev.tenax.intermittent;

import dev.tenax.codegen.MemoryPlan;
import dev.tenax.lower.Buffer;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/**
 * The static half of the write-after-read detector: a call (a tile, in a tiled program) may be run
 * again after a power failure only if it never writes memory it reads, because by then its
 * earlier run may have overwritten its inputs. Checks every call of a planned program: the bytes
 * its output view covers must not overlap the bytes of any view it reads, in the arena or in the
 * caller's buffers. With tile groups, also checks that each group can run again as a whole
 * ({@link #checkGroups}).
 */
public final class Idempotence {
  private Idempotence() {}

  /** One call that reads what it writes. */
  public record Violation(int step, String kernel, String node, View read, View write) {
    @Override
    public String toString() {
      return "step " + step + " (" + kernel + " for '" + node + "') writes " + write + ", which overlaps its input "
          + read;
    }
  }

  public static List<Violation> check(Program p, MemoryPlan plan) {
    List<Violation> found = new ArrayList<>();
    for (int i = 0; i < p.steps().size(); i++) {
      Step s = p.steps().get(i);
      View w = s.write();
      for (View r : s.reads()) {
        if (overlap(range(r, plan), range(w, plan))) {
          found.add(new Violation(i, s.kernel(), s.node(), r, w));
        }
      }
    }
    return found;
  }

  /** A later call of a group that writes memory an earlier call of the group read before the group wrote it. */
  public record GroupViolation(int group, int reader, View read, int writer, View write) {
    @Override
    public String toString() {
      return "group " + group + ": step " + writer + " writes " + write + " over " + read + ", which step " + reader
          + " of the same group read before the group wrote it";
    }
  }

  /**
   * A power failure runs a group again from its first call, so no call of a group may write memory
   * that an earlier call (or itself) read before the group had written it: on the re-run that
   * call would read the later call's result. Memory the group wrote first is written again before
   * it is read, so reusing it is fine. Byte-exact over the planned offsets.
   */
  public static List<GroupViolation> checkGroups(Program p, MemoryPlan plan, TileGroups groups) {
    List<GroupViolation> found = new ArrayList<>();
    int[] starts = groups.starts();
    for (int g = 0; g < groups.count(); g++) {
      List<long[]> written = new ArrayList<>();
      List<long[]> exposed = new ArrayList<>(); // {kind, io, start, end, reader step, index into its reads}
      for (int i = starts[g]; i < starts[g + 1]; i++) {
        Step s = p.steps().get(i);
        for (int k = 0; k < s.reads().size(); k++) {
          for (long[] part : minus(range(s.reads().get(k), plan), written)) {
            exposed.add(new long[] {part[0], part[1], part[2], part[3], i, k});
          }
        }
        long[] w = range(s.write(), plan);
        for (long[] e : exposed) {
          if (overlap(e, w)) {
            int reader = (int) e[4];
            found.add(new GroupViolation(g, reader, p.steps().get(reader).reads().get((int) e[5]), i, s.write()));
            break;
          }
        }
        written.add(w);
      }
    }
    return found;
  }

  /** The parts of range {@code r} that none of {@code cover} overlaps. */
  private static List<long[]> minus(long[] r, List<long[]> cover) {
    List<long[]> parts = new ArrayList<>(List.of(r));
    for (long[] c : cover) {
      List<long[]> next = new ArrayList<>();
      for (long[] x : parts) {
        if (!overlap(x, c)) {
          next.add(x);
          continue;
        }
        if (x[2] < c[2]) {
          next.add(new long[] {x[0], x[1], x[2], c[2]});
        }
        if (c[3] < x[3]) {
          next.add(new long[] {x[0], x[1], c[3], x[3]});
        }
      }
      parts = next;
    }
    return parts;
  }

  /** {kind, io index or -1, first byte, end byte} of the memory a view covers. */
  private static long[] range(View v, MemoryPlan plan) {
    Buffer b = v.buffer();
    long size = b.dtype().byteSize();
    long base = b.kind() == Buffer.Kind.ARENA ? plan.offsets().get(b) : 0;
    long start = base + v.offset() * size;
    return new long[] {b.kind().ordinal(), b.kind() == Buffer.Kind.ARENA ? -1 : b.ioIndex(), start,
        start + v.elements() * size};
  }

  private static boolean overlap(long[] a, long[] b) {
    return a[0] == b[0] && a[1] == b[1] && a[2] < b[3] && b[2] < a[3];
  }
}
