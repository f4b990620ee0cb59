package dev.tenax.lower.steps;

import dev.tenax.kernels.ConcatS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/** {@code tx_concat_s8} along a physical axis (of the 4-axis padded shapes); one quantization. */
public record ConcatS8Step(String node, int axis4, List<View> ins, View out) implements Step {
  @Override
  public String kernel() {
    return "tx_concat_s8";
  }

  @Override
  public List<View> reads() {
    return ins;
  }

  @Override
  public View write() {
    return out;
  }

  private List<int[]> shapes() {
    List<int[]> s = new ArrayList<>();
    for (View v : ins) {
      s.add(v.shape4());
    }
    return s;
  }

  @Override
  public void execute(Memory m) {
    byte[][] data = new byte[ins.size()][];
    for (int i = 0; i < data.length; i++) {
      data[i] = m.bytes(ins.get(i));
    }
    m.put(out, ConcatS8.run(new ConcatS8.Params(axis4, ins.size()), shapes().toArray(new int[0][]), data));
  }

  @Override
  public List<CArg> args() {
    return List.of(
        new CArg.Struct("tx_concat_s8_params", List.of(new CArg.Field("axis", axis4),
            new CArg.Field("num_inputs", ins.size()))),
        new CArg.Shapes(shapes()), new CArg.DataList(ins), new CArg.Data(out, true));
  }
}
