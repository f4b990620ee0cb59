package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.intermittent.Capacitor;
import dev.tenax.intermittent.KernelCycles;
import dev.tenax.intermittent.PowerModel;
import dev.tenax.io.JsonParser;
import dev.tenax.io.Npy;
import dev.tenax.ir.Tensor;
import dev.tenax.target.Targets;
import dev.tenax.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The power model's measured kernel tables (msp430fr5994-kernel-cycles.properties, and
 * &lt;core&gt;-kernel-instructions.properties per Cortex-M core) still bound every kernel call of the
 * shared models as the kernels are now: each model compiled for the target and measured by {@code
 * tenax bench} on a seeded random input, like scripts/measure-msp430-kernel-cycles.sh and
 * scripts/measure-cortex-m-kernel-cycles.sh do (MCLK cycles under mspdebug sim, instructions under
 * QEMU). A kernel made slower fails here until the table is measured again (tiles sized by a table
 * below the truth would not fit their charge); the table must also stay close enough to be worth
 * having: at most 4 times a call's cycles, or less than a tenth of a default charge's tile work
 * above them.
 */
class KernelCyclesBoundTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"msp430fr5994, onnx-mlir-mnist/mnist.onnx", "msp430fr5994, mnist-14x14-cnn-atmega/mnist.simplified.onnx",
      "msp430fr5994, deepc-asl-gesture-mlp/asl_model.onnx", "msp430fr5994, velardo-lesson9-mlp/lesson9.onnx",
      "msp430fr5994, tflm-hello-world-sine-mlp/model.onnx", "msp430fr5994, mlperf-tiny-open-alibaba-kws/model_kws.onnx",
      "cortex-m4, mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx", "cortex-m4, mlperf-tiny-ic-resnet8-int8-qdq/resnet.onnx",
      "cortex-m7, mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx",
      "cortex-m33, mlperf-tiny-ad-autoencoder-int8-qdq/deep_autoencoder.onnx",
      "cortex-m55, mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx", "cortex-m3, mnist-14x14-cnn-atmega/mnist.simplified.onnx",
      "cortex-m0, onnx-mlir-mnist/mnist.onnx"})
  void theTableBoundsEveryCallOfTheSharedModels(String target, String model, @TempDir Path tmp) throws Exception {
    boolean msp430 = target.startsWith("msp430");
    if (msp430) {
      dev.tenax.codegen.Msp430RunTest.requireToolchain();
    } else {
      dev.tenax.codegen.CortexMRunTest.requireToolchain();
    }
    Path onnx = SharedData.require("models/" + model);
    Path q = onnx;
    if (!model.contains("-qdq/")) {
      q = tmp.resolve("q.onnx");
      List<String> args = new ArrayList<>(List.of("quantize", onnx.toString(), "--calib", "random", "-o", q.toString()));
      if (model.startsWith("velardo") || model.startsWith("tflm")) {
        args.addAll(List.of("--dim", "N=1"));
      }
      CliTest.Run qr = tenax(args.toArray(String[]::new));
      assertEquals(0, qr.code(), qr.err());
    }
    Path project = tmp.resolve("b");
    CliTest.Run c = tenax("compile", q.toString(), "--target", target, "-o", project.toString());
    assertEquals(0, c.code(), c.err());
    Map<?, ?> map = (Map<?, ?>) JsonParser.parse(Files.readString(project.resolve("memory_map.json"),
        StandardCharsets.UTF_8));
    Path input = tmp.resolve("x.npy");
    Files.write(input, Npy.write(randomInput((Map<?, ?>) ((List<?>) map.get("inputs")).get(0))));
    CliTest.Run b = tenax("bench", project.toString(), "--input", input.toString(), "--json");
    assertEquals(0, b.code(), b.err());
    List<?> steps = (List<?>) map.get("steps");
    List<?> layers = (List<?>) ((Map<?, ?>) JsonParser.parse(b.out())).get("layers");
    assertEquals(steps.size(), layers.size());
    // a call the table overestimates by less than a tenth of one default charge's tile work is a
    // small part of any tile: a line shared by a kernel's paths (the Cortex-M fully connected
    // kernel's widened rows take 1.4 instructions a MAC, its int8 rows on 8 inputs 3) may be loose there
    PowerModel power = PowerModel.of(Targets.find(target).orElseThrow());
    KernelCycles table = power.measured();
    double slack = 0.1 * power.tileCycles(Capacitor.parse("100uF", "2.4:1.8")) / table.scale();
    String script = msp430 ? "scripts/measure-msp430-kernel-cycles.sh" : "scripts/measure-cortex-m-kernel-cycles.sh";
    for (int i = 0; i < steps.size(); i++) {
      Map<?, ?> s = (Map<?, ?>) steps.get(i);
      String kernel = (String) s.get("kernel");
      KernelCycles.Line line = table.rows().get(kernel);
      assertTrue(line != null, kernel + " has no line in the table: run " + script);
      long measured = ((Number) ((Map<?, ?>) layers.get(i)).get(msp430 ? "mclk_cycles" : "instructions")).longValue();
      double estimate = line.cycles(((Number) s.get("elements")).longValue(), ((Number) s.get("macs")).longValue());
      String what = target + " " + model + " step " + i + " " + kernel + ": measured " + measured + " cycles, the table says "
          + Math.round(estimate);
      assertTrue(estimate >= measured, what + " (run " + script + ")");
      assertTrue(estimate <= 4.0 * measured || estimate - measured <= slack, what + "; the slack is " + Math.round(slack));
    }
  }

  /** Seeded values in [-1, 1) in the input's shape (the software float of a quantize is fast on zeros). */
  private static Tensor randomInput(Map<?, ?> input) {
    List<?> dims = (List<?>) input.get("shape");
    int[] shape = dims.stream().mapToInt(d -> ((Number) d).intValue()).toArray();
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    Random r = new Random(1);
    float[] data = new float[n];
    for (int i = 0; i < n; i++) {
      data[i] = r.nextFloat() * 2 - 1;
    }
    return Tensor.ofFloats(shape, data);
  }
}
