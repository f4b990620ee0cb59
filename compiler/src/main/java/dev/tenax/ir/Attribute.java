package dev.tenax.ir;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** One ONNX node attribute. Graph-valued attributes are rejected by the front end. */
public final class Attribute {
  /** The attribute kinds Tenax reads. */
  public enum Kind { FLOAT, INT, STRING, TENSOR, FLOATS, INTS, STRINGS }

  private final Kind kind;
  private final Object value;

  private Attribute(Kind kind, Object value) {
    this.kind = kind;
    this.value = value;
  }

  public static Attribute ofFloat(float f) {
    return new Attribute(Kind.FLOAT, f);
  }

  public static Attribute ofInt(long i) {
    return new Attribute(Kind.INT, i);
  }

  public static Attribute ofString(String s) {
    return new Attribute(Kind.STRING, s);
  }

  public static Attribute ofTensor(Tensor t) {
    return new Attribute(Kind.TENSOR, t);
  }

  public static Attribute ofFloats(float... f) {
    return new Attribute(Kind.FLOATS, f.clone());
  }

  public static Attribute ofInts(long... i) {
    return new Attribute(Kind.INTS, i.clone());
  }

  public static Attribute ofStrings(List<String> s) {
    return new Attribute(Kind.STRINGS, List.copyOf(s));
  }

  public Kind kind() {
    return kind;
  }

  public float asFloat() {
    return kind == Kind.INT ? (float) (long) (Long) value : (Float) value;
  }

  public long asInt() {
    return (Long) value;
  }

  public String asString() {
    return (String) value;
  }

  public Tensor asTensor() {
    return (Tensor) value;
  }

  public float[] asFloats() {
    return ((float[]) value).clone();
  }

  public long[] asInts() {
    return ((long[]) value).clone();
  }

  @SuppressWarnings("unchecked")
  public List<String> asStrings() {
    return (List<String>) value;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Attribute) || ((Attribute) o).kind != kind) {
      return false;
    }
    Object v = ((Attribute) o).value;
    if (kind == Kind.FLOATS) {
      return Arrays.equals((float[]) value, (float[]) v);
    }
    if (kind == Kind.INTS) {
      return Arrays.equals((long[]) value, (long[]) v);
    }
    return value.equals(v);
  }

  @Override
  public int hashCode() {
    return kind.hashCode();
  }

  /** IR text form: {@code 3}, {@code 0.5}, {@code "NOTSET"}, {@code [1,1]}, {@code tensor(...)}. */
  @Override
  public String toString() {
    switch (kind) {
      case STRING: return '"' + (String) value + '"';
      case FLOATS: return Arrays.toString((float[]) value).replace(" ", "");
      case INTS: return Arrays.toString((long[]) value).replace(" ", "");
      case STRINGS: return asStrings().stream().map(s -> '"' + s + '"')
          .collect(Collectors.joining(",", "[", "]"));
      case TENSOR: return "tensor(" + value + ")";
      default: return String.valueOf(value);
    }
  }
}
