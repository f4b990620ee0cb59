package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.codegen.CortexMRunTest;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The routines that several kernels' sources include (the scalar dot products and output stage,
 * the cortex-m0 pair and quad routines, the argument checks) are linked once per firmware, not once
 * per kernel that includes them: runtime-c/include/tx_scalar.h's TX_SCALAR_SHARED and
 * tx_kernel_args.h's TX_ARGS_SHARED make them weak. As static functions each kernel kept its own
 * copy (DS-CNN KWS on cortex-m0 linked tx_scalar_features, tx_scalar_quads_m0, tx_scalar_pairs_m0,
 * tx_scalar_dot2, tx_window_valid and tx_scalar_requantize_wide twice or three times: 2.4 KB).
 */
class SharedRoutinesLinkedOnceTest {
  @ParameterizedTest(name = "{0} on {1}, --optimize={2}")
  @CsvSource({"mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx, cortex-m0, speed",
      "mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx, cortex-m0, size",
      "mlperf-tiny-ic-resnet8-int8-qdq/resnet.onnx, cortex-m3, speed",
      "mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx, cortex-m4, speed"})
  void noRuntimeFunctionIsLinkedTwice(String model, String target, String optimize, @TempDir Path dir)
      throws Exception {
    CortexMRunTest.requireToolchain();
    Path onnx = SharedData.require("models/" + model);
    Path project = dir.resolve("p");
    CliTest.Run c = tenax("compile", onnx.toString(), "--target", target, "--optimize=" + optimize, "-o",
        project.toString());
    assertEquals(0, c.code(), c.err());
    String name = onnx.getFileName().toString().replace(".onnx", "");
    Map<String, Integer> copies = functionCopies(project.resolve(name + ".elf"));
    assertTrue(copies.containsKey("tx_conv2d_s8"), "nm listed no kernels: " + copies.keySet());
    copies.values().removeIf(n -> n == 1);
    assertEquals(Map.of(), copies, target + " --optimize=" + optimize + ": runtime functions linked more than once");
  }

  /** Function symbols of the runtime (tx_ prefix) and how many times the ELF defines each. */
  private static Map<String, Integer> functionCopies(Path elf) throws Exception {
    Process p = new ProcessBuilder("arm-none-eabi-nm", elf.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    Map<String, Integer> copies = new TreeMap<>();
    for (String line : out.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3 && "tTwW".contains(f[1]) && f[2].startsWith("tx_")) {
        copies.merge(f[2], 1, Integer::sum);
      }
    }
    return copies;
  }
}
