package dev.tenax.calib;

import dev.tenax.diag.UsageException;

/**
 * Which samples of a data source to use: {@code start} inclusive, {@code end} exclusive;
 * {@code end == -1} means "to the last sample". Written by users as {@code FIRST..LAST}
 * with both ends inclusive, like the MNIST README's "images 0..7999".
 */
public record SampleRange(int start, int end) {
  public static final SampleRange ALL = new SampleRange(0, -1);

  public SampleRange {
    if (start < 0 || (end != -1 && end <= start)) {
      throw new IllegalArgumentException("bad sample range " + start + ".." + end);
    }
  }

  /** The first {@code count} samples. */
  public static SampleRange first(int count) {
    return new SampleRange(0, count);
  }

  /** Parses {@code FIRST..LAST} (inclusive), {@code FIRST..} (to the end) or a single index. */
  public static SampleRange parse(String text) throws UsageException {
    String t = text.trim();
    try {
      int dots = t.indexOf("..");
      if (dots < 0) {
        int i = Integer.parseInt(t);
        return checked(i, i + 1, text);
      }
      int first = Integer.parseInt(t.substring(0, dots).trim());
      String last = t.substring(dots + 2).trim();
      return checked(first, last.isEmpty() ? -1 : Integer.parseInt(last) + 1, text);
    } catch (NumberFormatException e) {
      throw new UsageException("sample range '" + text + "' is not FIRST..LAST (e.g. 0..499, both inclusive)");
    }
  }

  private static SampleRange checked(int start, int end, String text) throws UsageException {
    if (start < 0 || (end != -1 && end <= start)) {
      throw new UsageException("sample range '" + text
          + "' is empty or negative; write FIRST..LAST with 0 <= FIRST <= LAST (both inclusive)");
    }
    return new SampleRange(start, end);
  }

  /** The concrete end for a source of {@code available} samples; refuses a range past it. */
  int endIn(int available, String source) throws UsageException {
    int e = end == -1 ? available : end;
    if (start >= available || e > available) {
      throw new UsageException("sample range " + this + " asks for samples beyond the " + available
          + " in " + source + "; choose a range within 0.." + (available - 1));
    }
    return e;
  }

  @Override
  public String toString() {
    return start + ".." + (end == -1 ? "" : String.valueOf(end - 1));
  }
}
