package dev.tenax.quantizer;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.DType;
import java.util.Locale;

/**
 * The quantization scheme: TFLite's int8 (int8 asymmetric activations) or 16x8 (int16
 * symmetric activations, int8 weights), which keeps more activation precision for models
 * whose activations have a wide dynamic range.
 */
public enum QuantMode {
  INT8("int8", DType.INT8, 13),
  INT16X8("16x8", DType.INT16, 21);

  private final String label;
  private final DType activations;
  private final int opset;

  QuantMode(String label, DType activations, int opset) {
    this.label = label;
    this.activations = activations;
    this.opset = opset;
  }

  /** The spelling on the command line and in file names. */
  public String label() {
    return label;
  }

  /** The element type of quantized activations. */
  public DType activationType() {
    return activations;
  }

  /**
   * The default-domain opset the QDQ model needs: 13 for per-channel DequantizeLinear,
   * 21 for QuantizeLinear/DequantizeLinear on int16.
   */
  public int opset() {
    return opset;
  }

  public static QuantMode parse(String text) throws UsageException {
    for (QuantMode m : values()) {
      if (m.label.equals(text.toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new UsageException("--mode " + text + " is not one of int8, 16x8");
  }
}
