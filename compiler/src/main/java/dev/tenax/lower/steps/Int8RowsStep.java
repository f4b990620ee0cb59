package dev.tenax.lower.steps;

import dev.tenax.kernels.SigmoidS8;
import dev.tenax.kernels.SoftmaxS8;
import dev.tenax.kernels.TanhS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.ConstArray;
import dev.tenax.lower.Memory;
import dev.tenax.lower.View;
import java.util.List;

/**
 * The int8 activation kernels over {@code rows x rowSize} values: {@code tx_softmax_s8} (over each
 * row) and the lookup-table kernels {@code tx_sigmoid_s8} and {@code tx_tanh_s8} (elementwise).
 * Exactly one of {@code softmax} and {@code table} is set.
 */
public record Int8RowsStep(String node, String kernel, SoftmaxS8.Params softmax, byte[] table,
    int rowSize, View in, View out) implements UnaryStep {
  public static Int8RowsStep softmax(String node, SoftmaxS8.Params p, int rowSize, View in, View out) {
    return new Int8RowsStep(node, "tx_softmax_s8", p, null, rowSize, in, out);
  }

  public static Int8RowsStep sigmoid(String node, SigmoidS8.Params p, View in, View out) {
    return new Int8RowsStep(node, "tx_sigmoid_s8", null, p.table(), in.buffer().elements(), in, out);
  }

  public static Int8RowsStep tanh(String node, TanhS8.Params p, View in, View out) {
    return new Int8RowsStep(node, "tx_tanh_s8", null, p.table(), in.buffer().elements(), in, out);
  }

  private int[] shape() {
    return new int[] {in.buffer().elements() / rowSize, rowSize};
  }

  @Override
  public void execute(Memory m) {
    int[] s4 = dev.tenax.lower.Layouts.pad4(shape());
    byte[] x = m.bytes(in);
    m.put(out, switch (kernel) {
      case "tx_softmax_s8" -> SoftmaxS8.run(softmax, s4, x);
      case "tx_sigmoid_s8" -> SigmoidS8.run(new SigmoidS8.Params(table), s4, x);
      default -> TanhS8.run(new TanhS8.Params(table), s4, x);
    });
  }

  @Override
  public List<CArg> args() {
    CArg.Struct params = softmax != null
        ? new CArg.Struct("tx_softmax_s8_params", List.of(
            new CArg.Field("input_multiplier", softmax.inputMultiplier()),
            new CArg.Field("input_left_shift", softmax.inputLeftShift()),
            new CArg.Field("diff_min", softmax.diffMin())))
        : new CArg.Struct(kernel + "_params", List.of(
            new CArg.Field("table", ConstArray.int8("table", table))));
    return List.of(params, new CArg.Shape(shape()), new CArg.Data(in, false), new CArg.Data(out, true));
  }
}
