package dev.tenax.lower;

import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorData;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java integer evaluator: runs a {@link Program}'s steps with the kernels' Java twins. It is
 * the specification that every compiled build must match bit for bit.
 */
public final class ProgramInterpreter {
  private ProgramInterpreter() {}

  /**
   * Runs {@code program} on its inputs (by input name; float32, or int8/int16 for the quantized
   * inputs of a {@link ModelIo#QUANTIZED} build) and returns its outputs, of the types
   * {@link Program#outputs()} gives.
   */
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
      View v = View.of(in.buffer(), in.type().shape());
      switch (in.type().dtype()) {
        case INT8 -> memory.put(v, TensorData.int8s(t));
        case INT16 -> memory.put(v, TensorData.int16s(t));
        default -> memory.put(v, t.floats());
      }
    }
    for (Step step : program.steps()) {
      step.execute(memory);
    }
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    for (Program.Io out : program.outputs()) {
      View v = View.of(out.buffer(), out.type().shape());
      outputs.put(out.name(), switch (out.type().dtype()) {
        case INT8 -> TensorData.ofInt8s(out.type().shape(), memory.bytes(v));
        case INT16 -> TensorData.ofInt16s(out.type().shape(), memory.shorts(v));
        default -> Tensor.ofFloats(out.type().shape(), memory.floats(v).clone());
      });
    }
    return outputs;
  }
}
