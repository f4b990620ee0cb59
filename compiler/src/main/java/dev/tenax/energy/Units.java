package dev.tenax.energy;

import dev.tenax.diag.UsageException;

/** Parses the CLI's quantities with SI suffixes: 470uF, 30k (ohms), 1h (durations). */
public final class Units {
  private Units() {}

  /** Farads from "470uF", "1mF", "100nF", "0.5F" (also "470µF", and "470UF" as capacitors are often marked). */
  public static double farads(String s) throws UsageException {
    String t = s.trim().replace("UF", "uF");
    if (!t.endsWith("F")) {
      throw new UsageException("capacitance '" + s + "' needs a unit: e.g. 470uF, 1mF, 100nF");
    }
    return prefixed(t.substring(0, t.length() - 1), "capacitance '" + s + "'");
  }

  /** A number with an optional SI prefix: 30k, 10M, 2.2m, 5u. */
  public static double prefixed(String s, String what) throws UsageException {
    String t = s.trim();
    double scale = 1;
    if (!t.isEmpty()) {
      char c = t.charAt(t.length() - 1);
      double p = switch (c) {
        case 'G' -> 1e9;
        case 'M' -> 1e6;
        case 'k' -> 1e3;
        case 'm' -> 1e-3;
        case 'u', 'µ' -> 1e-6;
        case 'n' -> 1e-9;
        case 'p' -> 1e-12;
        default -> 1;
      };
      if (p != 1) {
        scale = p;
        t = t.substring(0, t.length() - 1);
      }
    }
    try {
      double v = Double.parseDouble(t) * scale;
      if (!Double.isFinite(v) || v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UsageException(what + " is not a non-negative number (SI prefixes p n u (or µ) m k M G allowed)");
    }
  }

  /** Seconds from "90s", "30m", "1h", "2d", "500ms" or a bare number of seconds. */
  public static double seconds(String s) throws UsageException {
    String t = s.trim();
    String[][] units = {{"ms", "1e-3"}, {"s", "1"}, {"m", "60"}, {"h", "3600"}, {"d", "86400"}};
    for (String[] u : units) {
      if (t.endsWith(u[0]) && !(u[0].equals("s") && t.endsWith("ms"))) {
        try {
          return Double.parseDouble(t.substring(0, t.length() - u[0].length())) * Double.parseDouble(u[1]);
        } catch (NumberFormatException e) {
          break;
        }
      }
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new UsageException("duration '" + s + "' is not a time: use e.g. 90s, 30m, 1h or 2d");
    }
  }
}
