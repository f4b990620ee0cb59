package dev.tenax.lower;

import java.util.List;

/**
 * One kernel call of a lowered program. The Java {@link #execute} is the specification the C
 * call {@link #kernel}({@link #args}) must match bit for bit.
 */
public interface Step {
  /** The ONNX node this call computes (or helps compute, for layout and boundary steps). */
  String node();

  /** The C function, e.g. {@code tx_conv2d_s8}. */
  String kernel();

  List<View> reads();

  View write();

  /** Runs the Java twin of the kernel on {@code memory}. */
  void execute(Memory memory);

  /** The C call's arguments in order. */
  List<CArg> args();

  /** Multiply-accumulates, for the cost report. */
  default long macs() {
    return 0;
  }

  /** Bytes of constant data this step owns (weights, biases, requantization tables). */
  default long constantBytes() {
    long total = 0;
    for (CArg a : args()) {
      if (a instanceof CArg.Const c) {
        total += c.array().bytes();
      } else if (a instanceof CArg.Struct s) {
        for (CArg.Field f : s.fields()) {
          if (f.value() instanceof ConstArray arr) {
            total += arr.bytes();
          }
        }
      }
    }
    return total;
  }
}
