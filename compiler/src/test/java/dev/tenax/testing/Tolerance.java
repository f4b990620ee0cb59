package dev.tenax.testing;

import dev.tenax.ir.Tensor;

/** Element-wise comparison |actual - expected| <= atol + rtol * |expected|; integers exactly. */
public record Tolerance(double rtol, double atol) {
  /** The default for float32 results: no looser than 1e-4 relative. */
  public static final Tolerance FLOAT32 = new Tolerance(1e-4, 1e-5);

  /** Null when {@code actual} matches, else a message describing the first mismatch. */
  public String compare(Tensor actual, Tensor expected) {
    if (!actual.type().equals(expected.type())) {
      return "type " + actual.type() + " differs from expected " + expected.type();
    }
    int bad = 0;
    String first = null;
    double worst = 0;
    for (int i = 0; i < actual.size(); i++) {
      boolean ok;
      if (actual.dtype().isFloat()) {
        double a = actual.getDouble(i);
        double e = expected.getDouble(i);
        double err = Math.abs(a - e);
        ok = err <= atol + rtol * Math.abs(e) || (Double.isNaN(a) && Double.isNaN(e)) || a == e;
        worst = Math.max(worst, err);
      } else {
        ok = actual.getLong(i) == expected.getLong(i);
      }
      if (!ok) {
        bad++;
        if (first == null) {
          first = "element " + i + ": got " + actual.getDouble(i) + ", expected " + expected.getDouble(i);
        }
      }
    }
    return bad == 0 ? null : bad + " of " + actual.size() + " elements differ (rtol " + rtol + ", atol "
        + atol + ", worst abs error " + worst + "); first " + first;
  }
}
