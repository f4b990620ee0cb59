package dev.tenax.ops;

import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.util.List;

/**
 * One ONNX operator: it owns its attributes, type and shape inference, and reference
 * evaluation (float32; exact integer arithmetic where the ONNX op is integer), cost, and
 * lowering to kernel calls. Implementations are stateless and
 * listed in {@link OperatorRegistry}.
 */
public interface Operator {
  /** ONNX op type, e.g. "Conv". */
  String opType();

  /** ONNX domain; "" is ai.onnx. */
  default String domain() {
    return "";
  }

  /** Lowest opset version of this op's domain that the implementation follows. */
  default int minOpset() {
    return 1;
  }

  /**
   * Checks attributes and input types and returns one type per node output (an omitted
   * output, named "", still gets its type). Problems are thrown as {@link OpException}.
   */
  List<TensorType> inferTypes(OpContext ctx);

  /** Computes the outputs. Types and shapes must equal what {@link #inferTypes} said. */
  List<Tensor> evaluate(EvalContext ctx);

  /**
   * Lowers the node to kernel calls (see {@link dev.tenax.lower.Lowering}): an integer kernel
   * when its operands are quantized, a float32 fallback kernel otherwise. Returns false when the
   * operator has no kernel for these operands; throws {@link OpException} for a clear reason.
   */
  default boolean lower(dev.tenax.lower.LowerContext ctx) {
    return false;
  }

  /** Multiply-accumulates for one evaluation (0 for ops without multiplications). */
  default long macs(List<TensorType> inputs, List<TensorType> outputs, dev.tenax.ir.Node node) {
    return 0;
  }
}
