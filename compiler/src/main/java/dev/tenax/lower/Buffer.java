package dev.tenax.lower;

import dev.tenax.ir.DType;

/**
 * A run-time tensor storage area: a graph input or output the caller passes in, or a piece of
 * the arena that the planner places. Several {@link View}s (reshapes, transposes that were
 * folded into the layout) may share one buffer; identity matters, not the name.
 */
public final class Buffer {
  /** Who owns the memory. */
  public enum Kind {
    /** Planned into the arena. */
    ARENA,
    /** The caller's input tensor {@link #ioIndex()}, read only. */
    INPUT,
    /** The caller's output tensor {@link #ioIndex()}. */
    OUTPUT
  }

  private final int id;
  private final String name;
  private final DType dtype;
  private final int elements;
  private final QuantParams quant;
  private final Kind kind;
  private final int ioIndex;

  Buffer(int id, String name, DType dtype, int elements, QuantParams quant, Kind kind, int ioIndex) {
    if (dtype != DType.INT8 && dtype != DType.INT16 && dtype != DType.FLOAT32) {
      throw new IllegalArgumentException("buffers hold int8, int16 or float32, not " + dtype);
    }
    if (quant != null && quant.type() != dtype) {
      throw new IllegalArgumentException("quantization " + quant + " does not match " + dtype);
    }
    this.id = id;
    this.name = name;
    this.dtype = dtype;
    this.elements = elements;
    this.quant = quant;
    this.kind = kind;
    this.ioIndex = ioIndex;
  }

  public int id() {
    return id;
  }

  /** The ONNX value the buffer was created for (for reports and generated comments). */
  public String name() {
    return name;
  }

  public DType dtype() {
    return dtype;
  }

  public int elements() {
    return elements;
  }

  public long bytes() {
    return (long) elements * dtype.byteSize();
  }

  /** The quantization of an integer buffer; null for float32. */
  public QuantParams quant() {
    return quant;
  }

  public Kind kind() {
    return kind;
  }

  public int ioIndex() {
    return ioIndex;
  }

  @Override
  public String toString() {
    return "b" + id + ":" + dtype + "[" + elements + "]" + (quant == null ? "" : " " + quant)
        + (kind == Kind.ARENA ? "" : " " + kind.name().toLowerCase() + " " + ioIndex) + " '" + name + "'";
  }
}
