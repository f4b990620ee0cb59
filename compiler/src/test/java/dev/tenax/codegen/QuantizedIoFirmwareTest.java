package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.CompiledModel;
import dev.tenax.hostrun.Msp430Run;
import dev.tenax.hostrun.PowerFailureRun;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.hostrun.QemuRun;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.DType;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.InputLayout;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.ModelIo;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.models.ModelSpec;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.quantizer.QuantMode;
import dev.tenax.testing.HostGcc;
import dev.tenax.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds compiled with {@link ModelIo#QUANTIZED} (int8 or int16 model inputs and outputs) on every
 * kind of harness: the generated C takes and returns the quantized tensors and gives the Java
 * integer evaluator's bits, under QEMU, on the host, under mspdebug sim, and through power failures.
 */
class QuantizedIoFirmwareTest {
  /** DS-CNN KWS (its input reaches the QuantizeLinear through a Reshape) and the autoencoder (int8 out too). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mlperf-tiny-kws-dscnn-int8-qdq", "mlperf-tiny-ad-autoencoder-int8-qdq"})
  void mlperfModelsRunBitExactOnCortexM4(String folder, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Build b = build(folder, "cortex-m4", 0, dir);
    assertEquals(DType.INT8, b.manifest().inputs().values().iterator().next().dtype(), "memory_map.json's dtype");
    String header = Files.readString(dir.resolve("m.h"));
    assertTrue(header.contains("#define M_INPUT_0_SCALE 0x") && header.contains("int8 [1, "), header);
    Map<String, Tensor> feed = b.feed(folder.hashCode());
    Map<String, Tensor> want = ProgramInterpreter.run(b.program(), feed);
    assertEquals(want, QemuRun.run(b.manifest(), feed, 600).outputs(), folder + ": firmware differs from the evaluator");
  }

  /**
   * MobileNet VWW with its input passed int8 and channels last, as a camera gives it: no step
   * before the first convolution, the evaluator's bits under QEMU.
   */
  @Test
  void channelsLastVwwRunsBitExactOnCortexM4(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Build b = build("mlperf-tiny-vww-mobilenetv1-int8-qdq", "cortex-m4", 0, dir, QuantMode.INT8, InputLayout.NHWC);
    assertEquals("tx_conv2d_s8", b.program().steps().get(0).kernel());
    assertEquals(java.util.List.of(1, 96, 96, 3), java.util.Arrays.stream(b.manifest().inputs().values().iterator()
        .next().shape()).boxed().toList());
    Map<String, Tensor> feed = b.feed(3);
    assertEquals(ProgramInterpreter.run(b.program(), feed), QemuRun.run(b.manifest(), feed, 600).outputs());
  }

  /** The host library in both modes: int8 and (16x8) int16 tensors at the boundary. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"INT8", "INT16X8"})
  void hostBuildsTakeAndReturnQuantizedTensors(String mode, @TempDir Path dir) throws Exception {
    HostGcc.require();
    Build b = build("mnist-14x14-cnn-atmega", "host", 0, dir, QuantMode.valueOf(mode));
    DType want = mode.equals("INT8") ? DType.INT8 : DType.INT16;
    assertEquals(want, b.program().inputs().get(0).type().dtype());
    assertEquals(want, b.program().outputs().get(0).type().dtype());
    try (CompiledModel compiled = CompiledModel.open(dir)) {
      for (int n = 0; n < 3; n++) {
        Map<String, Tensor> feed = b.feed(n);
        assertEquals(ProgramInterpreter.run(b.program(), feed), compiled.run(feed), mode + " input " + n);
      }
    }
  }

  @Test
  void msp430BuildsTakeAndReturnQuantizedTensors(@TempDir Path dir) throws Exception {
    Msp430RunTest.requireToolchain();
    Build b = build("mnist-14x14-cnn-atmega", "msp430fr5994", 0, dir);
    Map<String, Tensor> feed = b.feed(7);
    assertEquals(ProgramInterpreter.run(b.program(), feed), Msp430Run.run(b.manifest(), feed, 600).outputs());
  }

  /**
   * Intermittent builds keep the int8 tensors in NVM; the outputs survive power failures bit for
   * bit (every 15000 instructions under QEMU, every 20 NVM word writes or tiles on the host).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cortex-m4", "host"})
  void intermittentBuildsAreBitExactThroughPowerFailures(String target, @TempDir Path dir) throws Exception {
    if (target.equals("host")) {
      HostGcc.require();
    } else {
      CortexMRunTest.requireToolchain();
    }
    Build b = build("mnist-14x14-cnn-atmega", target, 3000, dir);
    Map<String, Tensor> feed = b.feed(11);
    PowerFailureRun.Outcome o = PowerFailureRun.compare(b.manifest(), feed, PowerSchedule.parse(
        target.equals("host") ? "every:20" : "every:15000"), 600);
    assertTrue(o.interrupted().failures() > 3, "power failures: " + o.interrupted().failures());
    assertEquals(ProgramInterpreter.run(b.program(), feed), o.interrupted().outputs());
    assertTrue(o.identical());
  }

  private record Build(Program program, ProjectManifest manifest) {
    /** Random float inputs in [-0.5, 1.5), quantized as `tenax run` does for the build. */
    Map<String, Tensor> feed(long seed) {
      Random r = new Random(seed);
      Map<String, Tensor> feed = new LinkedHashMap<>();
      manifest.inputs().forEach((name, type) -> {
        Tensor x = HostModelsTest.random(type.withDType(DType.FLOAT32), r);
        feed.put(name, manifest.inputAdapters().get(name).apply(x));
      });
      return feed;
    }
  }

  private static Build build(String folder, String target, long tileWork, Path dir) throws Exception {
    return build(folder, target, tileWork, dir, QuantMode.INT8);
  }

  private static Build build(String folder, String target, long tileWork, Path dir, QuantMode mode) throws Exception {
    return build(folder, target, tileWork, dir, mode, InputLayout.MODEL);
  }

  private static Build build(String folder, String target, long tileWork, Path dir, QuantMode mode,
      InputLayout layout) throws Exception {
    ModelSpec spec = HostModelsTest.models().filter(s -> s.folder().equals(folder)).findFirst().orElseThrow();
    Graph g = HostModelsTest.quantized(SharedData.require("models/" + folder + "/" + spec.file()), spec, mode);
    Program p = Lowering.lower(g, OperatorRegistry.standard(), ModelIo.QUANTIZED, layout);
    EmitOptions options = new EmitOptions("m", target, null, "test", spec.file(), "0", tileWork);
    ModelCompiler.Result r = ModelCompiler.compile(p, options);
    ModelCompiler.output(g, r, options, dir).commit();
    return new Build(r.program(), ProjectManifest.read(dir));
  }
}
