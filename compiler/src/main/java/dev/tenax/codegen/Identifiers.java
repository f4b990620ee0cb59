package dev.tenax.codegen;

import java.util.Locale;

/** C identifiers derived from user-given and model-given names. */
public final class Identifiers {
  private Identifiers() {}

  /** A valid C identifier: letters, digits and underscores, not starting with a digit. */
  public static String sanitize(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) {
      sb.append(Character.isLetterOrDigit(ch) && ch < 128 ? ch : '_');
    }
    if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
      sb.insert(0, '_');
    }
    return sb.toString();
  }

  /** True when {@code s} can prefix every generated symbol as is. */
  public static boolean isValidPrefix(String s) {
    return s.matches("[A-Za-z][A-Za-z0-9_]*");
  }

  public static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
