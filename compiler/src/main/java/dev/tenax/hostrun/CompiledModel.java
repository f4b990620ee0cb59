package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.io.JsonParser;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model compiled for the host and loaded in-process: its interface from the project's
 * memory_map.json and its code from {@code lib<name>.so}, built first when needed.
 */
public final class CompiledModel implements AutoCloseable {
  private final String name;
  private final Map<String, TensorType> inputs;
  private final Map<String, TensorType> outputs;
  private final long arenaBytes;
  private final NativeLibrary library;
  private final ModelEntryPoint entry;

  private CompiledModel(String name, Map<String, TensorType> inputs, Map<String, TensorType> outputs,
      long arenaBytes, NativeLibrary library, ModelEntryPoint entry) {
    this.name = name;
    this.inputs = inputs;
    this.outputs = outputs;
    this.arenaBytes = arenaBytes;
    this.library = library;
    this.entry = entry;
  }

  /** Opens the project in {@code dir} (as written by {@code tenax compile --target host}). */
  public static CompiledModel open(Path dir) throws IOException, UsageException {
    Path map = dir.resolve("memory_map.json");
    String text;
    try {
      text = Files.readString(map, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException(dir + " is not a compiled Tenax project (no memory_map.json); "
          + "create one with 'tenax compile MODEL --target host -o " + dir + "'");
    }
    Map<?, ?> m;
    try {
      m = (Map<?, ?>) JsonParser.parse(text);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new UsageException(map + " is damaged (" + e.getMessage() + "); compile the model again");
    }
    if (!"host".equals(m.get("target"))) {
      throw new UsageException(dir + " was compiled for target '" + m.get("target")
          + "'; only host projects run in-process");
    }
    String name = (String) m.get("name");
    long arena = ((Number) ((Map<?, ?>) m.get("arena")).get("bytes")).longValue();
    Path lib = HostBuild.build(dir, name);
    NativeLibrary library = NativeLibrary.open(lib);
    try {
      ModelEntryPoint entry = library.entryPoint((String) m.get("entry_point"));
      return new CompiledModel(name, io(m.get("inputs")), io(m.get("outputs")), arena, library, entry);
    } catch (RuntimeException e) {
      library.close();
      throw e;
    }
  }

  private static Map<String, TensorType> io(Object list) {
    Map<String, TensorType> out = new LinkedHashMap<>();
    for (Object o : (List<?>) list) {
      Map<?, ?> e = (Map<?, ?>) o;
      List<?> shape = (List<?>) e.get("shape");
      int[] dims = shape.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
      out.put((String) e.get("name"), new TensorType(DType.FLOAT32, dims));
    }
    return out;
  }

  public String name() {
    return name;
  }

  public Map<String, TensorType> inputs() {
    return inputs;
  }

  public Map<String, TensorType> outputs() {
    return outputs;
  }

  /**
   * Runs one inference.
   *
   * @throws IllegalStateException when the compiled code returns an error status
   */
  public Map<String, Tensor> run(Map<String, Tensor> feed) {
    ByteBuffer[] in = new ByteBuffer[inputs.size()];
    int k = 0;
    for (Map.Entry<String, TensorType> e : inputs.entrySet()) {
      Tensor t = feed.get(e.getKey());
      if (t == null || !t.type().equals(e.getValue())) {
        throw new IllegalArgumentException("input '" + e.getKey() + "' must be " + e.getValue());
      }
      ByteBuffer b = direct(t.size() * 4L);
      b.asFloatBuffer().put(t.floats());
      in[k++] = b;
    }
    ByteBuffer[] out = new ByteBuffer[outputs.size()];
    k = 0;
    for (TensorType t : outputs.values()) {
      out[k++] = direct(t.size() * 4L);
    }
    // 16 spare bytes so the arena can start on a 16-byte boundary whatever the JVM gives.
    ByteBuffer arena = direct(arenaBytes + 16).alignedSlice(16);
    int status = entry.invoke(in, out, arena);
    if (status != 0) {
      throw new IllegalStateException(name + "_invoke returned status " + status
          + " (a kernel rejected its arguments)");
    }
    Map<String, Tensor> result = new LinkedHashMap<>();
    k = 0;
    for (Map.Entry<String, TensorType> e : outputs.entrySet()) {
      float[] f = new float[e.getValue().size()];
      out[k++].asFloatBuffer().get(f);
      result.put(e.getKey(), Tensor.ofFloats(e.getValue().shape(), f));
    }
    return result;
  }

  private static ByteBuffer direct(long bytes) {
    return ByteBuffer.allocateDirect((int) Math.max(1, bytes)).order(ByteOrder.nativeOrder());
  }

  @Override
  public void close() {
    library.close();
  }
}
