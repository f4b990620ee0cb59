package dev.tenax.lower;

import dev.tenax.ir.Node;
import dev.tenax.quant.ActivationRange;
import java.util.List;

/**
 * The chain {@code op -> [Relu | Clip]* -> QuantizeLinear} that lets an integer kernel write the
 * quantized result directly: {@code quant} from the QuantizeLinear, {@code range} the clamp the
 * activations become (quantization is monotonic, so clamping after it gives the same bits),
 * {@code absorbed} the nodes the kernel replaces and {@code value} the ONNX value it defines;
 * {@code floatValue} is the float tensor the QuantizeLinear quantizes, which names the buffer
 * (per-layer accuracy reports compare it with the float model's tensor of that name).
 */
public record FusedOutput(QuantParams quant, ActivationRange range, List<Node> absorbed, String value,
    String floatValue) {}
