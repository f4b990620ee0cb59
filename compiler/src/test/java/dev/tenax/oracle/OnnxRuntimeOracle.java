package dev.tenax.oracle;

import static org.bytedeco.onnxruntime.global.onnxruntime.ORT_DISABLE_ALL;
import static org.bytedeco.onnxruntime.global.onnxruntime.ORT_ENABLE_ALL;
import static org.bytedeco.onnxruntime.global.onnxruntime.ORT_LOGGING_LEVEL_ERROR;
import static org.bytedeco.onnxruntime.global.onnxruntime.ORT_SEQUENTIAL;
import static org.bytedeco.onnxruntime.global.onnxruntime.OrtDeviceAllocator;
import static org.bytedeco.onnxruntime.global.onnxruntime.OrtMemTypeDefault;

import dev.tenax.frontend.TensorDecoder;
import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.onnxruntime.Env;
import org.bytedeco.onnxruntime.MemoryInfo;
import org.bytedeco.onnxruntime.RunOptions;
import org.bytedeco.onnxruntime.Session;
import org.bytedeco.onnxruntime.SessionOptions;
import org.bytedeco.onnxruntime.StringVector;
import org.bytedeco.onnxruntime.TensorTypeAndShapeInfo;
import org.bytedeco.onnxruntime.Value;
import org.bytedeco.onnxruntime.ValueVector;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs an ONNX model with ONNX Runtime (the JavaCPP preset) as an oracle that shares no code
 * with Tenax's evaluator. Graph optimizations are off (ORT_DISABLE_ALL) so ORT executes the
 * graph as written: no Conv+BatchNorm folding or QDQ-to-QLinear fusion, whose different
 * rounding would make it a poorer reference for a node-by-node evaluator. One intra-op thread
 * keeps summation order fixed from run to run. Tests calling {@link #run} skip (JUnit
 * assumption) when the native library cannot load on this platform.
 */
public final class OnnxRuntimeOracle {
  private static Env env;
  private static String loadFailure;
  private static boolean loadTried;

  private OnnxRuntimeOracle() {}

  /** True when the ONNX Runtime native library loaded. */
  public static synchronized boolean available() {
    if (!loadTried) {
      loadTried = true;
      try {
        Loader.load(org.bytedeco.onnxruntime.global.onnxruntime.class);
        // ORT allows one environment per process; it lives as long as the JVM.
        env = new Env(ORT_LOGGING_LEVEL_ERROR, "tenax-oracle");
        PointerScope outer = PointerScope.getInnerScope();
        if (outer != null) {
          outer.detach(env);
        }
      } catch (Throwable t) {
        // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError...
        loadFailure = t.toString();
        env = null;
      }
    }
    return env != null;
  }

  /** Why the native library did not load, or null. */
  public static synchronized String loadFailure() {
    available();
    return loadFailure;
  }

  /** Skips the calling test, with the reason, when ONNX Runtime cannot run here. */
  public static void assumeAvailable() {
    boolean ok = available();
    if (!ok) {
      System.err.println("SKIPPED: ONNX Runtime cannot load on " + Loader.getPlatform() + ": " + loadFailure());
    }
    Assumptions.assumeTrue(ok, () -> "ONNX Runtime cannot load on " + Loader.getPlatform() + ": " + loadFailure());
  }

  private static Boolean exactIntegerKernels;

  /**
   * Whether ONNX Runtime's uint8 x int8 integer kernels give exact sums on this CPU. Without
   * AVX-VNNI (AVX2 only, e.g. many AMD EPYC parts) MLAS adds pairs of products with VPMADDUBSW,
   * which saturates at 32,767 (microsoft/onnxruntime#16105), so a QLinearConv or QGemm whose
   * adjacent products are large gives wrong answers there. The probe is a MatMulInteger of four
   * 255s by four 127s: 129,540 exact, 65,534 saturated.
   */
  public static synchronized boolean exactIntegerKernels() {
    if (exactIntegerKernels == null) {
      byte[] model = new dev.tenax.testing.OnnxModelBuilder().input("a", DType.UINT8, 1, 4)
          .initializer("b", Tensor.ofLongs(DType.INT8, new int[] {4, 1}, new long[] {127, 127, 127, 127}))
          .node("MatMulInteger", List.of("a", "b"), List.of("y"))
          .output("y", DType.INT32, 1, 1).bytes();
      Tensor a = Tensor.ofLongs(DType.UINT8, new int[] {1, 4}, new long[] {255, 255, 255, 255});
      exactIntegerKernels = run(model, Map.of("a", a)).get("y").getLong(0) == 4L * 255 * 127;
    }
    return exactIntegerKernels;
  }

  /**
   * Skips the calling test, with the reason, when ONNX Runtime cannot load or its integer kernels
   * saturate on this CPU ({@link #exactIntegerKernels}): then it is no oracle for integer models.
   */
  public static void assumeExactIntegerKernels() {
    assumeAvailable();
    boolean exact = exactIntegerKernels();
    if (!exact) {
      System.err.println("SKIPPED: ONNX Runtime's uint8 x int8 kernels saturate on this CPU (AVX2 without VNNI, "
          + "microsoft/onnxruntime#16105), so it is no oracle for integer models here");
    }
    Assumptions.assumeTrue(exact, "ONNX Runtime's uint8 x int8 kernels saturate on this CPU (AVX2 without VNNI, "
        + "microsoft/onnxruntime#16105)");
  }

  /** Runs the .onnx file at {@code model}; see {@link #run(byte[], Map)}. */
  public static Map<String, Tensor> run(Path model, Map<String, Tensor> inputs) {
    return run(model, inputs, false);
  }

  /**
   * Like {@link #run(Path, Map)}; with {@code optimized}, ONNX Runtime applies all its graph
   * optimizations, which turn QDQ groups into its integer kernels (QLinearConv, QGemm...), as
   * a deployed QDQ model runs. Without, it computes in float between the Q/DQ pairs.
   */
  public static Map<String, Tensor> run(Path model, Map<String, Tensor> inputs, boolean optimized) {
    try {
      return run(Files.readAllBytes(model), inputs, model.toString(), optimized);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + model, e);
    }
  }

  /**
   * Runs a serialized ModelProto on {@code inputs} (by graph input name; every input ORT
   * requires must be given, and only those) and returns every graph output in declaration
   * order.
   *
   * @throws IllegalArgumentException for missing or unknown inputs
   * @throws IllegalStateException when ONNX Runtime rejects the model or fails, or an output has
   *     an element type Tenax has no {@link DType} for
   */
  public static Map<String, Tensor> run(byte[] model, Map<String, Tensor> inputs) {
    return run(model, inputs, "model bytes", false);
  }

  private static Map<String, Tensor> run(byte[] model, Map<String, Tensor> inputs, String what,
      boolean optimized) {
    assumeAvailable();
    try (PointerScope scope = new PointerScope()) {
      SessionOptions options = new SessionOptions();
      options.SetIntraOpNumThreads(1);
      options.SetInterOpNumThreads(1);
      options.SetExecutionMode(ORT_SEQUENTIAL);
      options.SetGraphOptimizationLevel(optimized ? ORT_ENABLE_ALL : ORT_DISABLE_ALL);
      Session session;
      BytePointer modelData = new BytePointer(model);
      try {
        session = new Session(env, modelData, model.length, options);
      } catch (RuntimeException e) {
        throw new IllegalStateException("ONNX Runtime rejects " + what + ": " + e.getMessage(), e);
      }
      List<String> inNames = names(session.GetInputNames());
      List<String> outNames = names(session.GetOutputNames());
      for (String n : inNames) {
        if (!inputs.containsKey(n)) {
          throw new IllegalArgumentException("no value given for input '" + n + "' of " + what
              + " (ONNX Runtime needs " + inNames + ")");
        }
      }
      for (String n : inputs.keySet()) {
        if (!inNames.contains(n)) {
          throw new IllegalArgumentException("'" + n + "' is not an input of " + what + " (inputs: " + inNames + ")");
        }
      }
      MemoryInfo cpu = MemoryInfo.CreateCpu(OrtDeviceAllocator, OrtMemTypeDefault);
      Value feed = new Value(Math.max(1, inNames.size()));
      for (int i = 0; i < inNames.size(); i++) {
        feed.getPointer(i).put(toValue(cpu, inputs.get(inNames.get(i))));
      }
      PointerPointer<BytePointer> inP = new PointerPointer<>(inNames.toArray(new String[0]));
      PointerPointer<BytePointer> outP = new PointerPointer<>(outNames.toArray(new String[0]));
      ValueVector results;
      try {
        results = session.Run(new RunOptions(), inP, feed, inNames.size(), outP, outNames.size());
      } catch (RuntimeException e) {
        throw new IllegalStateException("ONNX Runtime failed to run " + what + ": " + e.getMessage(), e);
      }
      Map<String, Tensor> out = new LinkedHashMap<>();
      for (int i = 0; i < outNames.size(); i++) {
        out.put(outNames.get(i), fromValue(results.get(i), outNames.get(i)));
      }
      return out;
    }
  }

  private static List<String> names(StringVector v) {
    List<String> names = new ArrayList<>();
    for (long i = 0; i < v.size(); i++) {
      names.add(v.get(i).getString());
    }
    return names;
  }

  private static Value toValue(MemoryInfo cpu, Tensor t) {
    int n = t.size();
    int width = t.dtype().byteSize();
    // ORT does not copy: the buffer belongs to the enclosing PointerScope, which outlives Run.
    BytePointer data = new BytePointer(Math.max(1, n * width));
    data.put(TensorDecoder.toLittleEndian(t));
    long[] dims = new long[t.rank()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = t.dim(i);
    }
    LongPointer shape = new LongPointer(Math.max(1, dims.length));
    shape.put(dims);
    return Value.CreateTensor(cpu.asOrtMemoryInfo(), data, (long) n * width, shape, dims.length,
        t.dtype().onnxCode());
  }

  private static Tensor fromValue(Value v, String name) {
    if (!v.IsTensor()) {
      throw new IllegalStateException("output '" + name + "' is not a tensor");
    }
    TensorTypeAndShapeInfo info = v.GetTensorTypeAndShapeInfo();
    int code = info.GetElementType();
    DType dtype = DType.fromOnnx(code).orElseThrow(() -> new IllegalStateException("output '" + name
        + "' has element type " + DType.onnxTypeName(code) + ", which Tenax has no dtype for"));
    long rank = info.GetDimensionsCount();
    long[] dims = new long[(int) rank];
    if (rank > 0) {
      info.GetDimensions(dims, rank);
    }
    int[] shape = Shapes.of(dims);
    int n = Shapes.size(shape);
    int width = dtype.byteSize();
    byte[] raw = new byte[n * width];
    if (n > 0) {
      new BytePointer(v.GetTensorRawData()).capacity((long) n * width).get(raw);
    }
    return TensorDecoder.fromLittleEndian(dtype, shape, ByteBuffer.wrap(raw));
  }
}