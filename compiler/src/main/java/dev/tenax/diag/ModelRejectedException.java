package dev.tenax.diag;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a model cannot be processed; carries every problem found, not just the first. */
public final class ModelRejectedException extends Exception {
  private final List<Diagnostic> diagnostics;
  private final PartialModel partial;

  public ModelRejectedException(List<Diagnostic> diagnostics) {
    this(diagnostics, null);
  }

  /** With what was understood of the model, when the file could be read at all. */
  public ModelRejectedException(List<Diagnostic> diagnostics, PartialModel partial) {
    super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one diagnostic");
    }
    this.diagnostics = List.copyOf(diagnostics);
    this.partial = partial;
  }

  public ModelRejectedException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** What the front end understood of the model, or null when it could not read the file. */
  public PartialModel partial() {
    return partial;
  }
}
