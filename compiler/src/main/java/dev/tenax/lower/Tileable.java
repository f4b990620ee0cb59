package dev.tenax.lower;

import java.util.ArrayList;
import java.util.List;

/**
 * A kernel call that can run as several smaller calls of the same kernel (tiles), which is how an
 * intermittent build bounds the work lost to a power failure. The tiles together write exactly
 * what the call writes, each reads only what the call reads, and no tile reads what any tile
 * writes, so a tile can be run again after a failure and give the same bits.
 */
public interface Tileable {
  /** The most tiles this call splits into (e.g. its output rows); 1 when it cannot be split. */
  int maxTiles();

  /** The call as {@code parts} consecutive calls, {@code 1 <= parts <= maxTiles()}. */
  List<Step> tiles(int parts);

  /** {@code [start, end)} of {@code parts} near-equal consecutive ranges covering {@code [0, total)}. */
  static List<int[]> ranges(int total, int parts) {
    if (parts < 1 || parts > total) {
      throw new IllegalArgumentException(parts + " parts of " + total);
    }
    List<int[]> r = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      r.add(new int[] {(int) ((long) total * i / parts), (int) ((long) total * (i + 1) / parts)});
    }
    return r;
  }
}
