package dev.tenax.lower.steps;

import dev.tenax.lower.CArg;
import dev.tenax.lower.ConstArray;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of kernel calls that the convolution and fully connected steps share: parameter-struct
 * fields named and ordered as their C structs declare them, and the convolution argument list.
 */
final class CallArgs {
  private CallArgs() {}

  /** {@code stride_h .. pad_left} of the convolution structs. */
  static List<CArg.Field> window(int strideH, int strideW, int dilationH, int dilationW,
      int padTop, int padLeft) {
    return List.of(new CArg.Field("stride_h", strideH), new CArg.Field("stride_w", strideW),
        new CArg.Field("dilation_h", dilationH), new CArg.Field("dilation_w", dilationW),
        new CArg.Field("pad_top", padTop), new CArg.Field("pad_left", padLeft));
  }

  /** The per-channel requantization tables that end every such struct. */
  static List<CArg.Field> requant(int[] multipliers, int[] shifts) {
    return List.of(new CArg.Field("multipliers", ConstArray.int32("multipliers", multipliers)),
        new CArg.Field("shifts", ConstArray.int32("shifts", shifts)));
  }

  @SafeVarargs
  static List<CArg.Field> concat(List<CArg.Field>... parts) {
    List<CArg.Field> all = new ArrayList<>();
    for (List<CArg.Field> p : parts) {
      all.addAll(p);
    }
    return List.copyOf(all);
  }

  /** An int8 kernel's int32 bias, or NULL. */
  static CArg bias(int[] bias) {
    return bias == null ? new CArg.Null() : new CArg.Const(ConstArray.int32("bias", bias));
  }

  /** An int16 kernel's int64 bias, or NULL. */
  static CArg bias(long[] bias) {
    return bias == null ? new CArg.Null() : new CArg.Const(ConstArray.int64("bias", bias));
  }

  /** The convolution kernels' call: params, input, int8 filter, bias (or NULL), output. */
  static List<CArg> conv(CArg.Struct params, View in, int[] filterShape, byte[] filter, CArg bias,
      View out) {
    return List.of(params, new CArg.Shape(in.shape4()), new CArg.Data(in, false),
        new CArg.Shape(filterShape), new CArg.Const(ConstArray.int8("filter", filter)), bias,
        new CArg.Shape(out.shape4()), new CArg.Data(out, true));
  }
}
