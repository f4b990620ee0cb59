package dev.tenax.diag;

import dev.tenax.ir.Node;

/**
 * One problem found in a model. {@code nodeName}, {@code opType} and {@code opset} are empty
 * (or 0) when the problem is not about a node.
 */
public record Diagnostic(Code code, String nodeName, String opType, int opset, String message, String hint) {

  public static Diagnostic of(Code code, String message) {
    return new Diagnostic(code, "", "", 0, message, code.defaultHint());
  }

  public static Diagnostic of(Code code, String message, String hint) {
    return new Diagnostic(code, "", "", 0, message, hint);
  }

  public static Diagnostic at(Node node, Code code, String message, String hint) {
    return new Diagnostic(code, node.name(), node.opType(), node.opset(), message,
        hint == null ? code.defaultHint() : hint);
  }

  /**
   * "error TX010 at node 'n3' (Foo, opset 13): no operator Foo ... \n  hint: ...".
   */
  public String format() {
    StringBuilder sb = new StringBuilder("error ").append(code.name());
    if (!opType.isEmpty()) {
      sb.append(" at node '").append(nodeName).append("' (").append(opType);
      if (opset > 0) {
        sb.append(", opset ").append(opset);
      }
      sb.append(')');
    }
    sb.append(": ").append(message);
    if (hint != null && !hint.isEmpty()) {
      sb.append("\n  hint: ").append(hint);
    }
    return sb.toString();
  }
}
