package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.io.JsonParser;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorData;
import dev.tenax.ir.TensorType;
import dev.tenax.kernels.QuantizeF32S16;
import dev.tenax.kernels.QuantizeF32S8;
import dev.tenax.lower.Layouts;
import dev.tenax.ops.tensor.Elements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a compiled project's memory_map.json says about how to run it: the inputs' and outputs'
 * types and shapes as the build takes them (float32, or int8/int16 in a build compiled with
 * --io=quantized; an input of {@code channelsLastInputs}, compiled with --input-layout=nhwc, as
 * [N, H, W, C]) and, for those passed quantized, their {@link Quantization}.
 */
public record ProjectManifest(Path dir, String name, String target, String entryPoint, long arenaBytes,
    Map<String, TensorType> inputs, Map<String, TensorType> outputs, boolean intermittent,
    Map<String, Quantization> quantization, Set<String> channelsLastInputs) {

  /** A quantized input's or output's meaning: {@code real = (q - zeroPoint) * scale}. */
  public record Quantization(float scale, int zeroPoint) {
    /** Float32 values quantized into {@code type} as the model's own QuantizeLinear kernels do. */
    public Tensor quantize(Tensor floats, DType type) {
      return type == DType.INT16
          ? TensorData.ofInt16s(floats.shape(), QuantizeF32S16.run(new QuantizeF32S16.Params(scale, zeroPoint),
              floats.floats()))
          : TensorData.ofInt8s(floats.shape(), QuantizeF32S8.run(new QuantizeF32S8.Params(scale, zeroPoint),
              floats.floats()));
    }
  }

  /**
   * For each input the build takes in another form than the ONNX model declares: the function that
   * turns the model's form into the build's (for {@link dev.tenax.io.InputBinding#bind(Map, List, Map)}).
   * Data of the model's [N, C, H, W] shape for a channels-last input is transposed to [N, H, W, C];
   * float32 data for a quantized input is quantized as the model's own QuantizeLinear does. Data
   * already in the build's form passes unchanged.
   */
  public Map<String, UnaryOperator<Tensor>> inputAdapters() {
    Map<String, UnaryOperator<Tensor>> out = new LinkedHashMap<>();
    inputs.forEach((name, type) -> {
      UnaryOperator<Tensor> adapt = UnaryOperator.identity();
      if (channelsLastInputs.contains(name)) {
        int[] passed = type.shape();
        int[] model = {passed[0], passed[3], passed[1], passed[2]};
        adapt = t -> Arrays.equals(t.shape(), model) && !Arrays.equals(model, passed)
            ? Elements.transpose(t, Layouts.NHWC) : t;
      }
      Quantization q = quantization.get(name);
      if (q != null && !type.dtype().isFloat()) {
        UnaryOperator<Tensor> layout = adapt;
        adapt = t -> {
          Tensor x = layout.apply(t);
          return x.dtype() == DType.FLOAT32 ? q.quantize(x, type.dtype()) : x;
        };
      }
      if (channelsLastInputs.contains(name) || q != null) {
        out.put(name, adapt);
      }
    });
    return out;
  }


  /** Reads {@code dir}/memory_map.json; a usage error when it is missing or damaged. */
  public static ProjectManifest read(Path dir) throws IOException, UsageException {
    Path map = dir.resolve("memory_map.json");
    String text;
    try {
      text = Files.readString(map, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException(dir + " is not a compiled Tenax project (no memory_map.json); "
          + "create one with 'tenax compile MODEL --target TARGET -o " + dir + "'");
    }
    try {
      Map<?, ?> m = (Map<?, ?>) JsonParser.parse(text);
      long arena = ((Number) ((Map<?, ?>) m.get("arena")).get("bytes")).longValue();
      return new ProjectManifest(dir, (String) m.get("name"), (String) m.get("target"),
          (String) m.get("entry_point"), arena, io(m.get("inputs")), io(m.get("outputs")),
          Boolean.TRUE.equals(m.get("intermittent")), quantization(m.get("inputs"), m.get("outputs")),
          channelsLast(m.get("inputs")));
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new UsageException(map + " is damaged (" + e.getMessage() + "); compile the model again");
    }
  }

  private static Map<String, TensorType> io(Object list) {
    Map<String, TensorType> out = new LinkedHashMap<>();
    for (Object o : (List<?>) list) {
      Map<?, ?> e = (Map<?, ?>) o;
      List<?> shape = (List<?>) e.get("shape");
      int[] dims = shape.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
      Object dtype = e.get("dtype");
      DType type = dtype == null ? DType.FLOAT32 : switch ((String) dtype) {
        case "float32" -> DType.FLOAT32;
        case "int8" -> DType.INT8;
        case "int16" -> DType.INT16;
        default -> throw new IllegalArgumentException("unknown dtype '" + dtype + "'");
      };
      out.put((String) e.get("name"), new TensorType(type, dims));
    }
    return out;
  }

  private static Set<String> channelsLast(Object inputs) {
    Set<String> out = new LinkedHashSet<>();
    for (Object o : (List<?>) inputs) {
      Map<?, ?> e = (Map<?, ?>) o;
      if ("nhwc".equals(e.get("layout"))) {
        out.add((String) e.get("name"));
      }
    }
    return out;
  }

  private static Map<String, Quantization> quantization(Object... lists) {
    Map<String, Quantization> out = new LinkedHashMap<>();
    for (Object list : lists) {
      for (Object o : (List<?>) list) {
        Map<?, ?> e = (Map<?, ?>) o;
        if (e.get("scale") != null) {
          out.put((String) e.get("name"), new Quantization(((Number) e.get("scale")).floatValue(),
              ((Number) e.get("zero_point")).intValue()));
        }
      }
    }
    return out;
  }
}
