package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorData;
import dev.tenax.ir.TensorType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    ProjectManifest m = ProjectManifest.read(dir);
    if (!"host".equals(m.target())) {
      throw new UsageException(dir + " was compiled for target '" + m.target()
          + "'; only host projects run in-process: compile the model again with --target host for this (tenax run "
          + "runs a " + m.target() + " project under its simulator)");
    }
    Path lib = HostBuild.build(dir, m.name());
    NativeLibrary library = NativeLibrary.open(lib);
    try {
      ModelEntryPoint entry = library.entryPoint(m.entryPoint());
      return new CompiledModel(m.name(), m.inputs(), m.outputs(), m.arenaBytes(), library, entry);
    } catch (RuntimeException e) {
      library.close();
      throw e;
    }
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
      ByteBuffer b = direct(t.type().bytes());
      b.put(TensorData.littleEndian(t)).rewind();
      in[k++] = b;
    }
    ByteBuffer[] out = new ByteBuffer[outputs.size()];
    k = 0;
    for (TensorType t : outputs.values()) {
      out[k++] = direct(t.bytes());
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
      byte[] raw = new byte[(int) e.getValue().bytes()];
      out[k++].get(raw);
      result.put(e.getKey(), TensorData.fromLittleEndian(e.getValue(), raw));
    }
    return result;
  }

  private static ByteBuffer direct(long bytes) {
    // the model's tensors are little-endian, as on every host the runtime builds for
    return ByteBuffer.allocateDirect((int) Math.max(1, bytes)).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public void close() {
    library.close();
  }
}
