package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.lower.Program;
import dev.tenax.passes.Pipeline;
import dev.tenax.target.FirmwareCode;
import dev.tenax.target.StackEstimate;
import dev.tenax.target.Target;
import dev.tenax.target.TargetFit;
import dev.tenax.target.Targets;
import dev.tenax.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SRAM check counts the stack the model's calls need, not a flat 4 KB: a board with a little
 * more than 4 KB of SRAM left over refuses ResNet-8 (6.5 KB of stack on cortex-m4), which the flat
 * budget let through, and one with 2.5 KB left takes the autoencoder (1.7 KB), which it refused.
 * (CortexMRunTest checks the estimate against the stack that runs under QEMU use.)
 */
class StackEstimatorTest {
  private static final Target M4 = Targets.find("cortex-m4").orElseThrow();

  @Test
  void resnetNoLongerFitsABoardWithFourKilobytesToSpare() throws Exception {
    Compiled c = compile("mlperf-tiny-ic-resnet8-int8-qdq/resnet.onnx");
    StackEstimate stack = StackEstimator.of(c.program().steps(), M4);
    assertTrue(stack.bytes() > 6_000, stack.toString());
    Target board = withSram(c.arena() + c.io() + 5_000);
    assertTrue(check(board, c, StackEstimate.FLAT).isEmpty(), "the flat 4 KB let it through");
    List<Diagnostic> d = check(board, c, stack);
    assertEquals(1, d.size(), d.toString());
    assertEquals(Code.TX090, d.get(0).code());
    String m = d.get(0).message();
    assertTrue(m.contains(String.format(java.util.Locale.ROOT, "%,d estimated for the stack", stack.bytes()))
        && m.contains("tx_conv2d_s8") && m.contains("buffers sized for the call"), m);
  }

  @Test
  void theAutoencoderNowFitsABoardWithTwoAndAHalfKilobytesToSpare() throws Exception {
    Compiled c = compile("mlperf-tiny-ad-autoencoder-int8-qdq/deep_autoencoder.onnx");
    StackEstimate stack = StackEstimator.of(c.program().steps(), M4);
    Target board = withSram(c.arena() + c.io() + 2_500);
    assertEquals(1, check(board, c, StackEstimate.FLAT).size(), "the flat 4 KB refused it");
    assertTrue(check(board, c, stack).isEmpty(), stack.toString());
  }

  /** A model without calls still reserves the harness's stack, and the stack painting's gap below it. */
  @Test
  void theHarnessIsAFloor() {
    StackEstimate none = StackEstimator.of(List.of(), M4);
    assertEquals(dev.tenax.target.CortexMStackFrames.HARNESS + dev.tenax.target.CortexMStackFrames.PAINT_GAP,
        none.bytes(), none.toString());
    // an intermittent build's resume and run functions sit above the kernels
    assertEquals(dev.tenax.target.CortexMStackFrames.INTERMITTENT_HARNESS + dev.tenax.target.CortexMStackFrames.PAINT_GAP,
        StackEstimator.of(List.of(), M4, true, false).bytes());
    assertEquals(StackEstimate.FLAT, StackEstimator.of(List.of(), Targets.find("msp430fr5994").orElseThrow()));
  }

  /**
   * A build compiled for size (--optimize=size) is estimated from the kernels' frames measured at
   * -Os, which are not those of -O2: DS-CNN KWS's deepest call on cortex-m3, its depthwise kernel,
   * needs more stack there.
   */
  @Test
  void aSizeBuildIsEstimatedFromTheFramesAtOs() throws Exception {
    Target m3 = Targets.find("cortex-m3").orElseThrow();
    Compiled c = compile("mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx", m3.name());
    StackEstimate speed = StackEstimator.of(c.program().steps(), m3, false, false);
    StackEstimate size = StackEstimator.of(c.program().steps(), m3, false, true);
    long grows = dev.tenax.target.CortexMStackFrames.of("tx_depthwise_conv2d_s8", m3.name(), List.of(), true)
        - dev.tenax.target.CortexMStackFrames.of("tx_depthwise_conv2d_s8", m3.name(), List.of(), false);
    assertTrue(grows > 0, "the depthwise kernel's frames at -Os should be larger: " + grows);
    assertTrue(speed.source().contains("tx_depthwise_conv2d_s8: ") && !speed.source().contains("-Os"), speed.source());
    assertTrue(size.source().contains("tx_depthwise_conv2d_s8: ") && size.source().contains("of frames at -Os"),
        size.source());
    assertEquals(speed.bytes() + grows, size.bytes(), size.source());
  }

  private record Compiled(Program program, long weights, long arena, long io) {}

  private static Compiled compile(String model) throws Exception {
    return compile(model, M4.name());
  }

  private static Compiled compile(String model, String target) throws Exception {
    var g = Pipeline.standard().run(ModelImporter.load(SharedData.require("models/" + model), ImportOptions.defaults()));
    ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("m", target, null, "test", "m.onnx", "0"));
    long io = 0;
    for (Program.Io x : r.program().inputs()) {
      io += x.type().bytes();
    }
    for (Program.Io x : r.program().outputs()) {
      io += x.type().bytes();
    }
    return new Compiled(r.program(), r.view().weightBytes(), r.view().arenaBytes(), io);
  }

  private static List<Diagnostic> check(Target board, Compiled c, StackEstimate stack) {
    return TargetFit.check(board, c.weights(), FirmwareCode.NONE, c.arena(), c.io(), false, stack);
  }

  /** cortex-m4 on a board with {@code sram} bytes of SRAM. */
  private static Target withSram(long sram) {
    return new Target(M4.name(), M4.family(), M4.description() + " with " + sram + " bytes of SRAM",
        M4.flashBytes(), sram, M4.cflags(), M4.qemuMachine(), M4.qemuCpu(), M4.features(), M4.clockHz());
  }
}
