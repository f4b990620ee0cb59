package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.io.JsonParser;
import dev.tenax.ir.DType;
import dev.tenax.ir.TensorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a compiled project's memory_map.json says about how to run it. */
public record ProjectManifest(Path dir, String name, String target, String entryPoint, long arenaBytes,
    Map<String, TensorType> inputs, Map<String, TensorType> outputs, boolean intermittent) {

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
          Boolean.TRUE.equals(m.get("intermittent")));
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
      out.put((String) e.get("name"), new TensorType(DType.FLOAT32, dims));
    }
    return out;
  }
}
