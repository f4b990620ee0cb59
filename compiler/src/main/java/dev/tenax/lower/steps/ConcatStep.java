package dev.tenax.lower.steps;

import dev.tenax.ir.DType;
import dev.tenax.kernels.ConcatS16;
import dev.tenax.kernels.ConcatS8;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tx_concat_s8} or {@code tx_concat_s16} by the inputs' type, along a physical axis (of
 * the 4-axis padded shapes); one quantization.
 */
public record ConcatStep(String node, int axis4, List<View> ins, View out) implements Step {
  private boolean int16() {
    return out.buffer().dtype() == DType.INT16;
  }

  @Override
  public String kernel() {
    return int16() ? "tx_concat_s16" : "tx_concat_s8";
  }

  @Override
  public List<View> reads() {
    return ins;
  }

  @Override
  public View write() {
    return out;
  }

  private int[][] shapes() {
    int[][] s = new int[ins.size()][];
    for (int i = 0; i < s.length; i++) {
      s[i] = ins.get(i).shape4();
    }
    return s;
  }

  @Override
  public void execute(Memory m) {
    ConcatS8.Params p = new ConcatS8.Params(axis4, ins.size());
    if (int16()) {
      short[][] data = new short[ins.size()][];
      for (int i = 0; i < data.length; i++) {
        data[i] = m.shorts(ins.get(i));
      }
      m.put(out, ConcatS16.run(p, shapes(), data));
    } else {
      byte[][] data = new byte[ins.size()][];
      for (int i = 0; i < data.length; i++) {
        data[i] = m.bytes(ins.get(i));
      }
      m.put(out, ConcatS8.run(p, shapes(), data));
    }
  }

  @Override
  public List<CArg> args() {
    return List.of(
        new CArg.Struct(kernel() + "_params", List.of(new CArg.Field("axis", axis4),
            new CArg.Field("num_inputs", ins.size()))),
        new CArg.Shapes(List.of(shapes())), new CArg.DataList(ins), new CArg.Data(out, true));
  }
}
