package dev.tenax.codegen;

import java.nio.file.Path;

/**
 * How to generate a project: the symbol prefix, the target, the templates (null for the ones
 * in the jar), and what the generated files say about where they came from.
 */
public record EmitOptions(String name, String target, Path templateDir, String version,
    String modelFile, String sha256) {
  public EmitOptions {
    if (dev.tenax.target.Targets.find(target).isEmpty()) {
      throw new IllegalArgumentException("unknown target '" + target + "'; available: "
          + String.join(", ", dev.tenax.target.Targets.names()));
    }
    if (!Identifiers.isValidPrefix(name)) {
      throw new IllegalArgumentException("'" + name + "' is not a C identifier prefix: use letters, "
          + "digits and underscores, starting with a letter");
    }
  }
}
