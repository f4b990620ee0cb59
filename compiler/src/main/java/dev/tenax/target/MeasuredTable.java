package dev.tenax.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A table of measured figures (the fit check's code and stack sizes, the power model's kernel
 * cycles), kept in the jar next to the class that reads it and rewritten by a script in scripts/
 * (each table's test fails while it is stale).
 */
public final class MeasuredTable {
  private MeasuredTable() {}

  /** The properties file {@code name} of this package. */
  static Properties load(String name) {
    return load(MeasuredTable.class, name);
  }

  /** The properties file {@code name} of {@code owner}'s package. */
  public static Properties load(Class<?> owner, String name) {
    Properties p = new Properties();
    try (InputStream in = owner.getResourceAsStream(name)) {
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
