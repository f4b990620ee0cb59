package dev.tenax.diag;

/** Renders {@code docs/diagnostics.md} from {@link Code}; a test keeps the file in sync. */
public final class DiagnosticsDoc {
  private DiagnosticsDoc() {}

  public static String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Diagnostics\n\n");
    sb.append("<!-- Generated from compiler/src/main/java/dev/tenax/diag/Code.java by\n");
    sb.append("     `mvn -q -pl compiler test -Dtest=DiagnosticsDocTest -Dtenax.regenerate=true`. -->\n\n");
    sb.append("Every problem Tenax finds in a model is reported with a stable code, the node name,\n");
    sb.append("op type and opset where it applies, what is wrong and what to do. All problems are\n");
    sb.append("reported in one run. Exit codes: 0 ok, 2 usage error, 65 model rejected,\n");
    sb.append("69 build or run failed (a toolchain, QEMU or mspdebug missing or failing, or firmware that faulted,\n");
    sb.append("stalled or ran past `--timeout`: the message says which), 70 internal error.\n\n");
    sb.append("| Code | Title | Meaning | What to do |\n|---|---|---|---|\n");
    for (Code c : Code.values()) {
      sb.append("| ").append(c.name()).append(" | ").append(c.title()).append(" | ")
          .append(c.explanation()).append(" | ").append(c.defaultHint()).append(" |\n");
    }
    return sb.toString();
  }
}
