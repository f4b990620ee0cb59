package dev.tenax.ops.rnn;

import java.util.Locale;

/**
 * The activation functions recurrent layers may name in their {@code activations} attribute
 * that Tenax implements. The parameterised ones of the ONNX list (Affine, LeakyRelu,
 * ScaledTanh, HardSigmoid, Elu, ...) are not supported.
 */
enum Activation {
  SIGMOID("Sigmoid") {
    @Override
    double apply(double x) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
  },
  TANH("Tanh") {
    @Override
    double apply(double x) {
      return Math.tanh(x);
    }
  },
  RELU("Relu") {
    @Override
    double apply(double x) {
      return x > 0 ? x : 0;
    }
  };

  private final String onnxName;

  Activation(String onnxName) {
    this.onnxName = onnxName;
  }

  abstract double apply(double x);

  String onnxName() {
    return onnxName;
  }

  /** The activation called {@code name} (case-insensitive, as onnxruntime accepts), or null. */
  static Activation byName(String name) {
    for (Activation a : values()) {
      if (a.onnxName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    return null;
  }
}
