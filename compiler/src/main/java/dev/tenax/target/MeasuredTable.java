package dev.tenax.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A table of measured figures the fit check adds up, kept next to this class in the jar and
 * rewritten by a script in scripts/ (each table's test fails while it is stale).
 */
final class MeasuredTable {
  private MeasuredTable() {}

  /** The properties file {@code name} of this package. */
  static Properties load(String name) {
    Properties p = new Properties();
    try (InputStream in = MeasuredTable.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
