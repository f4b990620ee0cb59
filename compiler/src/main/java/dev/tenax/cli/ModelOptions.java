package dev.tenax.cli;

import dev.tenax.diag.ModelRejectedException;
import dev.tenax.diag.UsageException;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The model argument and the options that resolve what the ONNX file leaves open. */
public final class ModelOptions {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The .onnx model file.")
  Path model;

  @Option(names = "--input-shape", paramLabel = "NAME=D0,D1,...",
      description = "Static shape for a graph input with symbolic or missing dimensions (repeatable).")
  List<String> inputShapes = List.of();

  @Option(names = "--dim", paramLabel = "SYMBOL=VALUE",
      description = "Value of a symbolic dimension such as batch_size (repeatable).")
  List<String> dims = List.of();

  @Option(names = "--const-inputs", paramLabel = "NAME=FILE",
      description = "Bind a graph input to the tensor in FILE (.npy or .pb) as a constant, "
          + "e.g. weights that a test model feeds as inputs (repeatable).")
  List<String> constInputs = List.of();

  ImportOptions importOptions() throws UsageException {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    for (String s : inputShapes) {
      String[] kv = split(s, "--input-shape", "NAME=D0,D1,...");
      try {
        String[] parts = kv[1].isEmpty() ? new String[0] : kv[1].split(",");
        int[] dimsOf = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
          dimsOf[i] = Integer.parseInt(parts[i].trim());
          if (dimsOf[i] < 0) {
            throw new NumberFormatException();
          }
        }
        shapes.put(kv[0], dimsOf);
      } catch (NumberFormatException e) {
        throw new UsageException("--input-shape " + s + ": dimensions must be non-negative integers");
      }
    }
    Map<String, Long> dimValues = new LinkedHashMap<>();
    for (String d : dims) {
      String[] kv = split(d, "--dim", "SYMBOL=VALUE");
      try {
        long v = Long.parseLong(kv[1].trim());
        if (v < 0) {
          throw new NumberFormatException();
        }
        dimValues.put(kv[0], v);
      } catch (NumberFormatException e) {
        throw new UsageException("--dim " + d + ": the value must be a non-negative integer");
      }
    }
    Map<String, Tensor> constants = new LinkedHashMap<>();
    for (String c : constInputs) {
      String[] kv = split(c, "--const-inputs", "NAME=FILE");
      constants.put(kv[0], TensorFiles.read(Path.of(kv[1])).tensor());
    }
    return new ImportOptions(dimValues, shapes, constants);
  }

  Graph load() throws UsageException, ModelRejectedException {
    if (!java.nio.file.Files.exists(model)) {
      throw new UsageException("model " + model + " does not exist (MODEL is the path of an .onnx file)");
    }
    return ModelImporter.load(model, importOptions());
  }

  static String[] split(String s, String flag, String form) throws UsageException {
    int eq = s.indexOf('=');
    if (eq <= 0) {
      throw new UsageException(flag + " " + s + ": expected " + form);
    }
    return new String[] {s.substring(0, eq), s.substring(eq + 1)};
  }
}
