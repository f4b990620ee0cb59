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
 * caller's buffers.
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
