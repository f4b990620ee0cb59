package dev.tenax.lower.steps;

import dev.tenax.kernels.LogSoftmaxF32;
import dev.tenax.kernels.SigmoidF32;
import dev.tenax.kernels.SoftmaxF32;
import dev.tenax.kernels.TanhF32;
import dev.tenax.lower.CArg;
import dev.tenax.lower.Memory;
import dev.tenax.lower.View;
import java.util.List;

/**
 * The float32 fallback kernels that take one tensor as {@code rows x rowSize} (softmax family over
 * the innermost axis) or elementwise (sigmoid, tanh): {@code kernel(&shape, in, out)}.
 */
public record FloatRowsStep(String node, Kind kind, int rowSize, View in, View out)
    implements UnaryStep {
  /** Which kernel. */
  public enum Kind {
    SOFTMAX("tx_softmax_f32"), LOG_SOFTMAX("tx_log_softmax_f32"), SIGMOID("tx_sigmoid_f32"),
    TANH("tx_tanh_f32");

    private final String kernel;

    Kind(String kernel) {
      this.kernel = kernel;
    }
  }

  @Override
  public String kernel() {
    return kind.kernel;
  }

  @Override
  public void execute(Memory m) {
    float[] x = m.floats(in);
    m.put(out, switch (kind) {
      case SOFTMAX -> SoftmaxF32.run(rowSize, x);
      case LOG_SOFTMAX -> LogSoftmaxF32.run(rowSize, x);
      case SIGMOID -> SigmoidF32.run(x);
      case TANH -> TanhF32.run(x);
    });
  }

  @Override
  public List<CArg> args() {
    int rows = in.buffer().elements() / rowSize;
    return List.of(new CArg.Shape(new int[] {rows, rowSize}), new CArg.Data(in, false),
        new CArg.Data(out, true));
  }
}
