package dev.tenax.codegen;

import dev.tenax.testing.OnnxModelBuilder;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * cortex-m0's 3x3 stride-1 depthwise path (runtime-c/include/tx_scalar_dw3_m0.h and its assembly,
 * tx_scalar_dw3_m0_block.h): QDQ models of one or two such layers (as many as the SRAM holds), the
 * last clamped, input zero points across
 * the range (the plane's padding value from 0 to 255), run under QEMU, must give the Java integer
 * evaluator's bits. The shapes reach four-channel planes (channels a multiple of 4) and one-channel
 * ones, rows of groups of four, a last group of five (DS-CNN KWS's five columns), single pixels
 * after the fours, a row of one pixel, and strips: rows of 16 plane bytes hold 14 output rows a
 * strip, so 20 rows take two (17 of 15-byte plane rows: 15 + 2). A wrong offset, count, block or padding fails them.
 */
class Dw3PlanesM0RunTest {
  @ParameterizedTest(name = "{1} channels of {2}x{3}, {4} layers")
  @CsvSource({"61, 16, 6, 5, 2", "62, 7, 6, 3, 2", "63, 13, 5, 9, 2", "64, 4, 4, 1, 2", "65, 2, 20, 14, 2",
      "66, 4, 17, 13, 1", "67, 5, 3, 6, 2"})
  void planarDepthwiseLayersRunBitExact(int seed, int c, int h, int w, int layers, @TempDir Path dir)
      throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    for (int i = 0; i < layers; i++) {
      DspKernelsRunTest.uniformShiftDepthwiseBranch(b, r, i, 1, i == layers - 1, false, c, h, w);
    }
    DspKernelsRunTest.runQdqBitExact(b, "cortex-m0", r, dir, "cortex-m0, " + c + " channels of " + h + "x" + w);
  }

  /**
   * The same layers in an intermittent build, whose tiles cut them into runs of output rows (calls
   * with fewer rows and a top padding of their own, re-run after a failure), with the power failing
   * at random points (small: the microbit board's NVM region holds 2 KB).
   */
  @ParameterizedTest(name = "{1} channels of {2}x{3}, tiles of {4} MACs")
  @CsvSource({"71, 4, 6, 5, 200", "72, 1, 12, 9, 150"})
  void planarDepthwiseTilesRunBitExactThroughPowerFailures(int seed, int c, int h, int w, long tileWork,
      @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Random r = new Random(seed);
    OnnxModelBuilder b = new OnnxModelBuilder().opset(13);
    DspKernelsRunTest.uniformShiftDepthwiseBranch(b, r, 0, 1, true, false, c, h, w);
    DspKernelsRunTest.runQdqBitExact(b, new EmitOptions("dsp", "cortex-m0", null, "test", "random", "0", tileWork), r,
        dir, "cortex-m0, " + c + " channels of " + h + "x" + w + ", tiles of " + tileWork + " MACs", "random:6:" + seed);
  }
}
