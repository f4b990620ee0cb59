package dev.tenax.lower;

import dev.tenax.ir.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java integer evaluator: runs a {@link Program}'s steps with the kernels' Java twins. It is
 * the specification that every compiled build must match bit for bit.
 */
public final class ProgramInterpreter {
  private ProgramInterpreter() {}

  /** Runs {@code program} on float32 inputs (by input name) and returns its float32 outputs. */
  public static Map<String, Tensor> run(Program program, Map<String, Tensor> inputs) {
    return run(program, inputs, new Memory());
  }

  /** Like {@link #run(Program, Map)}, leaving every buffer's final contents in {@code memory}. */
  public static Map<String, Tensor> run(Program program, Map<String, Tensor> inputs, Memory memory) {
    for (Program.Io in : program.inputs()) {
      Tensor t = inputs.get(in.name());
      if (t == null) {
        throw new IllegalArgumentException("missing input '" + in.name() + "'");
      }
      if (!t.type().equals(in.type())) {
        throw new IllegalArgumentException("input '" + in.name() + "' is " + t.type() + ", the model takes "
            + in.type());
      }
      memory.put(View.of(in.buffer(), in.type().shape()), t.floats());
    }
    for (Step step : program.steps()) {
      step.execute(memory);
    }
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    for (Program.Io out : program.outputs()) {
      float[] data = memory.floats(View.of(out.buffer(), out.type().shape())).clone();
      outputs.put(out.name(), Tensor.ofFloats(out.type().shape(), data));
    }
    return outputs;
  }
}
