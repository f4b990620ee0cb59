package dev.tenax.ops;

import dev.tenax.diag.Code;
import dev.tenax.ir.Attribute;
import dev.tenax.ir.Node;
import dev.tenax.ir.Tensor;
import java.util.List;
import java.util.Set;

/** Typed access to a node's attributes with ONNX defaults. */
public final class Attrs {
  private final Node node;

  public Attrs(Node node) {
    this.node = node;
  }

  public boolean has(String name) {
    return node.attributes().containsKey(name);
  }

  public long getInt(String name, long defaultValue) {
    Attribute a = node.attributes().get(name);
    return a == null ? defaultValue : a.asInt();
  }

  public float getFloat(String name, float defaultValue) {
    Attribute a = node.attributes().get(name);
    return a == null ? defaultValue : a.asFloat();
  }

  public String getString(String name, String defaultValue) {
    Attribute a = node.attributes().get(name);
    return a == null ? defaultValue : a.asString();
  }

  /** The INTS attribute, or {@code defaultValue} (may be null) when absent. */
  public long[] getInts(String name, long[] defaultValue) {
    Attribute a = node.attributes().get(name);
    return a == null ? defaultValue : a.asInts();
  }

  public float[] getFloats(String name, float[] defaultValue) {
    Attribute a = node.attributes().get(name);
    return a == null ? defaultValue : a.asFloats();
  }

  public List<String> getStrings(String name, List<String> defaultValue) {
    Attribute a = node.attributes().get(name);
    return a == null ? defaultValue : a.asStrings();
  }

  public Tensor getTensor(String name) {
    Attribute a = node.attributes().get(name);
    return a == null ? null : a.asTensor();
  }

  /** Reads an INTS attribute as {@code int[]}, or {@code defaultValue} when absent. */
  public int[] getIntArray(String name, int[] defaultValue) {
    long[] v = getInts(name, null);
    if (v == null) {
      return defaultValue;
    }
    int[] r = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.toIntExact(v[i]);
    }
    return r;
  }

  /** A STRING attribute that must be one of {@code allowed}; otherwise a TX040 problem. */
  public String getChoice(String name, String defaultValue, Set<String> allowed) {
    String v = getString(name, defaultValue);
    if (!allowed.contains(v)) {
      throw new OpException(Code.TX040, "attribute " + name + "=\"" + v + "\" is not supported",
          "supported values: " + String.join(", ", allowed));
    }
    return v;
  }

  /** Fails with TX040 unless the INT attribute has its default value. */
  public void requireDefault(String name, long defaultValue) {
    long v = getInt(name, defaultValue);
    if (v != defaultValue) {
      throw new OpException(Code.TX040, "attribute " + name + "=" + v + " is not supported",
          "only " + name + "=" + defaultValue + " is implemented");
    }
  }
}
