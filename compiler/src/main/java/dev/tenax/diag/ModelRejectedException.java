package dev.tenax.diag;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a model cannot be processed; carries every problem found, not just the first. */
public final class ModelRejectedException extends Exception {
  private final List<Diagnostic> diagnostics;

  public ModelRejectedException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one diagnostic");
    }
    this.diagnostics = List.copyOf(diagnostics);
  }

  public ModelRejectedException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
