package dev.tenax.io;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Matches {@code --input} arguments to graph inputs: {@code NAME=FILE} by name; a bare
 * {@code FILE} by the name a .pb file or an .npz key carries, else by position among the
 * inputs not yet bound. Checks element type and shape, converting only where it is lossless in intent
 * (numpy float64 arrays are read as float32; integer data is not taken for a float input, nor float
 * data for an integer one, and a rank-compatible array of the same element count is not silently
 * reshaped).
 */
public final class InputBinding {
  private InputBinding() {}

  public static Map<String, Tensor> bind(Graph g, List<String> args) throws UsageException {
    Map<String, TensorType> inputs = new LinkedHashMap<>();
    for (String name : g.inputs()) {
      inputs.put(name, g.type(name));
    }
    return bind(inputs, args);
  }

  /** Binds {@code args} to the inputs named in {@code inputs} (in the model's order). */
  public static Map<String, Tensor> bind(Map<String, TensorType> inputs, List<String> args)
      throws UsageException {
    return bind(inputs, args, Map.of());
  }

  /**
   * Like {@link #bind(Map, List)}, with each input's tensor first passed through its {@code adapt}
   * function, if it has one (e.g. what a build compiled with --io=quantized or --input-layout=nhwc
   * does to float32 data of the model's own shape), then checked.
   */
  public static Map<String, Tensor> bind(Map<String, TensorType> inputs, List<String> args,
      Map<String, UnaryOperator<Tensor>> adapt) throws UsageException {
    Inputs g = new Inputs(inputs, adapt);
    Map<String, Tensor> bound = new LinkedHashMap<>();
    List<TensorFiles.Named> unnamed = new ArrayList<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq > 0) {
        String name = a.substring(0, eq);
        if (!g.inputs().contains(name)) {
          throw new UsageException("--input " + a + ": the model has no input '" + name + "' (inputs: "
              + String.join(", ", g.inputs()) + ")");
        }
        put(g, bound, name, single(TensorFiles.readAll(Path.of(a.substring(eq + 1))), name, a), a);
        continue;
      }
      for (TensorFiles.Named t : TensorFiles.readAll(Path.of(a))) {
        String name = matchingInput(g, t.name());
        if (name != null && !bound.containsKey(name)) {
          put(g, bound, name, t.tensor(), a);
        } else {
          unnamed.add(new TensorFiles.Named(a, t.tensor()));
        }
      }
    }
    for (TensorFiles.Named t : unnamed) {
      String next = g.inputs().stream().filter(n -> !bound.containsKey(n)).findFirst()
          .orElseThrow(() -> new UsageException("--input " + t.name() + ": every model input is already bound"));
      put(g, bound, next, t.tensor(), t.name());
    }
    List<String> missing = g.inputs().stream().filter(n -> !bound.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      StringBuilder sb = new StringBuilder("missing --input for");
      for (String m : missing) {
        sb.append(' ').append(m).append(" (").append(g.type(m)).append(')');
      }
      throw new UsageException(sb.toString());
    }
    return bound;
  }

  /**
   * The graph input a file's own name refers to: the same name, or the same after numpy's
   * key mangling (an .npz key cannot hold ':' so "x:0" is saved as "x_0"); null if none.
   */
  private static String matchingInput(Inputs g, String fileName) {
    if (fileName.isEmpty()) {
      return null;
    }
    for (String in : g.inputs()) {
      if (in.equals(fileName) || OutputDirectory.safeFileName(in).equals(fileName)) {
        return in;
      }
    }
    return null;
  }

  /** The one tensor an NAME=FILE argument means: the only array, or the array named NAME. */
  private static Tensor single(List<TensorFiles.Named> all, String name, String arg) throws UsageException {
    if (all.size() == 1) {
      return all.get(0).tensor();
    }
    for (TensorFiles.Named t : all) {
      if (t.name().equals(name) || t.name().equals(OutputDirectory.safeFileName(name))) {
        return t.tensor();
      }
    }
    throw new UsageException("--input " + arg + ": the archive holds " + all.size() + " arrays and none is named '"
        + name + "'");
  }

  private static void put(Inputs g, Map<String, Tensor> bound, String name, Tensor t, String arg)
      throws UsageException {
    TensorType want = g.type(name);
    t = g.adapt().getOrDefault(name, UnaryOperator.identity()).apply(t);
    if (bound.containsKey(name)) {
      throw new UsageException("--input " + arg + ": input '" + name + "' is given twice");
    }
    if (!java.util.Arrays.equals(want.shape(), t.shape())) {
      throw new UsageException("--input " + arg + ": input '" + name + "' must have shape "
          + dev.tenax.ir.Shapes.format(want.shape()) + ", the file has " + dev.tenax.ir.Shapes.format(t.shape())
          + " (use --input-shape to compile for another shape)");
    }
    if (want.dtype() != t.dtype()) {
      if (!(want.dtype().isFloat() && t.dtype().isFloat())) {
        // integers into a float input are most often raw data (pixels 0-255 where the model wants
        // them scaled): converting them silently would hide that
        throw new UsageException("--input " + arg + ": input '" + name + "' must be " + want.dtype()
            + ", the file holds " + t.dtype() + (want.dtype().isFloat() ? " (if the values are what the model "
            + "expects, save them as floats, e.g. numpy.save(path, x.astype(numpy.float32)))" : ""));
      }
      t = t.cast(want.dtype());
    }
    bound.put(name, t);
  }

  /** The model's inputs by name, in order. */
  private record Inputs(Map<String, TensorType> types, Map<String, UnaryOperator<Tensor>> adapt) {
    List<String> inputs() {
      return new ArrayList<>(types.keySet());
    }

    TensorType type(String name) {
      return types.get(name);
    }
  }
}
