package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.calib.CalibrationData;
import dev.tenax.calib.Preprocessing;
import dev.tenax.calib.RangeCollector;
import dev.tenax.calib.SampleRange;
import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.hostrun.CompiledModel;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.models.ModelSpec;
import dev.tenax.models.SharedModels;
import dev.tenax.passes.Pipeline;
import dev.tenax.quantizer.QuantizeDefaults;
import dev.tenax.quantizer.Quantizer;
import dev.tenax.quantizer.RandomSource;
import dev.tenax.testing.HostGcc;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared model compiles for the host, and the compiled C computes exactly the bits of the
 * Java integer evaluator (the outputs are float32 dequantized from int8, or computed by the float
 * fallback kernels, which are bit-exact too). Float models are quantized first, calibrated on
 * random inputs: calibration quality does not matter for bit-exactness.
 */
class HostModelsTest {
  static final int INPUTS = 3;

  static Stream<ModelSpec> models() {
    return SharedModels.ALL.stream().filter(s -> !s.folder().equals("super-resolution-10"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void compiledCodeMatchesTheIntegerEvaluator(ModelSpec spec, @TempDir Path dir) throws Exception {
    HostGcc.require();
    Path model = SharedData.require("models/" + spec.folder() + "/" + spec.file());
    Graph g = quantized(model, spec);
    ModelCompiler.Result r;
    try {
      r = ModelCompiler.compile(g, new EmitOptions("m", "host", null, "test", spec.file(), "0"), dir);
    } catch (ModelRejectedException e) {
      throw new AssertionError(e.diagnostics().stream().map(Diagnostic::format)
          .collect(Collectors.joining("\n")));
    }
    Program program = r.program();
    Random rnd = new Random(spec.folder().hashCode());
    try (CompiledModel compiled = CompiledModel.open(dir)) {
      for (int n = 0; n < INPUTS; n++) {
        Program.Io in = program.inputs().get(0);
        Map<String, Tensor> feed = Map.of(in.name(), random(in.type(), rnd));
        Map<String, Tensor> want = ProgramInterpreter.run(program, feed);
        Map<String, Tensor> got = compiled.run(feed);
        assertEquals(want.keySet(), got.keySet());
        for (String out : want.keySet()) {
          assertArrayEquals(bits(want.get(out)), bits(got.get(out)), spec.folder() + " input " + n
              + " output " + out + ": C differs from the Java integer evaluator");
        }
      }
    }
  }

  static Stream<ModelSpec> floatModels() {
    return models().filter(s -> !s.folder().contains("int8-qdq"));
  }

  /** The 16x8 mode on every float model: int16 activations, the s16 kernels, bit-exact C. */
  @ParameterizedTest(name = "16x8 {0}")
  @MethodSource("floatModels")
  void compiled16x8CodeMatchesTheIntegerEvaluator(ModelSpec spec, @TempDir Path dir) throws Exception {
    mode = dev.tenax.quantizer.QuantMode.INT16X8;
    try {
      compiledCodeMatchesTheIntegerEvaluator(spec, dir);
    } finally {
      mode = dev.tenax.quantizer.QuantMode.INT8;
    }
  }

  private static dev.tenax.quantizer.QuantMode mode = dev.tenax.quantizer.QuantMode.INT8;

  static Graph quantized(Path model, ModelSpec spec) throws Exception {
    return quantized(model, spec, mode);
  }

  private static final java.util.Map<String, Graph> QUANTIZED_ONCE = new java.util.concurrent.ConcurrentHashMap<>();

  /** The spec's shared model quantized as {@link #quantized(Path, ModelSpec)} does, once per test run. */
  static Graph quantizedOnce(ModelSpec spec) {
    return QUANTIZED_ONCE.computeIfAbsent(spec.folder(), f -> {
      try {
        return quantized(SharedData.require("models/" + f + "/" + spec.file()), spec);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  static Graph quantized(Path model, ModelSpec spec, dev.tenax.quantizer.QuantMode mode) throws Exception {
    ImportOptions options = ImportOptions.defaults().withDims(spec.dims()).withInputShapes(spec.inputShapes());
    return quantized(Pipeline.standard().run(ModelImporter.load(model, options)), mode);
  }

  /** An imported graph quantized on random calibration inputs, or as it is when it is already quantized. */
  static Graph quantized(Graph g) throws Exception {
    return quantized(g, mode);
  }

  static Graph quantized(Graph g, dev.tenax.quantizer.QuantMode mode) throws Exception {
    if (g.nodes().stream().anyMatch(n -> n.opType().equals("QuantizeLinear"))) {
      return g;
    }
    List<CalibrationData> data = new java.util.ArrayList<>();
    for (String in : g.inputs()) {
      data.add(CalibrationData.of(new RandomSource(g.type(in).shape(), 16), in, g.type(in),
          SampleRange.ALL, Preprocessing.IDENTITY));
    }
    RangeCollector rc = RangeCollector.collect(g, data, RangeCollector.Progress.NONE);
    return Pipeline.standard().run(Quantizer.quantize(g, rc.ranges(QuantizeDefaults.METHOD), mode).graph());
  }

  static Tensor random(TensorType t, Random r) {
    float[] x = new float[t.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat() * 2 - 0.5f;
    }
    return Tensor.ofFloats(t.shape(), x);
  }

  static int[] bits(Tensor t) {
    float[] f = t.floats();
    int[] b = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      b[i] = Float.floatToIntBits(f[i]);
    }
    return b;
  }
}
