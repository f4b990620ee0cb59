package dev.tenax.passes;

import dev.tenax.ir.Graph;
import dev.tenax.ir.IrVerifier;
import java.util.List;
import java.util.function.Consumer;

/**
 * The ordered list of graph passes. Each entry says why it sits where it does. The IR is
 * verified after every pass.
 */
public final class Pipeline {
  /** A pass and the reason for its position. */
  public record Step(Pass pass, String why) {}

  private final List<Step> steps;

  public Pipeline(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  public static Pipeline standard() {
    return new Pipeline(List.of(
        new Step(new NormalizeQLinear(),
            "first: QLinearConv/QLinearMatMul become DQ -> Conv/MatMul -> Q, the one quantized form "
                + "later stages read; before folding, whose results it does not need"),
        new Step(new NormalizeIntegerOps(),
            "ConvInteger/MatMulInteger -> Cast -> Mul(scale) become DQ -> Conv/MatMul while the "
                + "chain is still intact and the weights are still int constants"),
        new Step(new NormalizeUint8(),
            "after the two above, which may emit uint8 Q/DQ pairs; before folding, which keeps "
                + "DequantizeLinear of int constants, so the shifted int8 weights survive it"),
        new Step(new FoldConstants(),
            "turns shape arithmetic into constants so Reshape/Pad operands become static "
                + "and later passes see constant weights"),
        new Step(new RemoveIdentities(),
            "after folding (which may leave Identity chains); before pattern passes so that "
                + "Conv->Identity->BatchNorm still matches"),
        new Step(new MatMulAddToGemm(),
            "needs constant weights and biases (after folding); before FoldBatchNorm, which then "
                + "sees a Gemm with its bias"),
        new Step(new FoldBatchNorm(),
            "needs constant weights and statistics (after folding) and adjacent Conv/Gemm"),
        new Step(new BatchNormToDepthwise(),
            "after folding into Conv/Gemm, which is cheaper: what is left becomes a 1x1 depthwise "
                + "convolution that the quantizer and the int8 kernels know"),
        new Step(new EliminateDeadNodes(),
            "drops what folding and rewriting left unused, before marking fusions"),
        new Step(new MarkFusedActivations(),
            "last: marks final producer/activation pairs, which no later pass may separate")));
  }

  public List<Step> steps() {
    return steps;
  }

  public Graph run(Graph g) {
    return run(g, (s) -> {});
  }

  /** Runs every pass; {@code progress} is told each pass name before it runs. */
  public Graph run(Graph g, Consumer<String> progress) {
    IrVerifier.verify(g, "import");
    for (Step s : steps) {
      progress.accept(s.pass().name());
      g = s.pass().apply(g);
      IrVerifier.verify(g, s.pass().name());
    }
    return g;
  }
}
