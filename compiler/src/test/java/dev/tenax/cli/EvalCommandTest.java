package dev.tenax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.io.JsonParser;
import dev.tenax.io.Npy;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.HostGcc;
import dev.tenax.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenax eval} on a small MNIST slice: one small MLP compiled once, evaluated on 50
 * images of the evaluation split.
 */
class EvalCommandTest {
  static final String PIXEL = "0.00392156862745098";

  @TempDir
  static Path tmp;

  static Path model;
  static Path project;
  static Path images;
  static Path labels;

  record Run(int code, String out, String err) {}

  static Run tenax(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TenaxMain.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void compile() {
    HostGcc.require();
    model = SharedData.require("models/mnist-mlp-batchnorm-pytorch/pytorch.onnx");
    Path mnist = SharedData.require("datasets/mnist");
    images = mnist.resolve("t10k-images-idx3-ubyte.gz");
    labels = mnist.resolve("t10k-labels-idx1-ubyte.gz");
    project = tmp.resolve("mlp");
    Run r = tenax("compile", model.toString(), "--calib", images.toString(), "--calib-range", "0:100",
        "--scale", PIXEL, "--target", "host", "-o", project.toString());
    assertEquals(0, r.code(), r.err());
  }

  private Run eval(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("eval", model.toString(), project.toString(),
        "--data", images.toString(), "--scale", PIXEL));
    args.addAll(List.of(extra));
    return tenax(args.toArray(String[]::new));
  }

  @Test
  void jsonReportIsConsistent() {
    Run r = eval("--labels", labels.toString(), "--range", "8000:8050", "--json");
    assertEquals(0, r.code(), r.err());
    Map<?, ?> m = (Map<?, ?>) JsonParser.parse(r.out());
    for (String key : List.of("float_top1", "quantized_top1", "agreement", "samples", "mismatches", "layers")) {
      assertTrue(m.containsKey(key), key + " missing in " + r.out());
    }
    assertEquals(50, ((Number) m.get("samples")).intValue());
    assertEquals(0, ((Number) m.get("mismatches")).intValue(), "compiled C differs from the Java evaluator");
    double agreement = ((Number) m.get("agreement")).doubleValue();
    assertTrue(agreement >= 0 && agreement <= 1, "agreement " + agreement);
    // A working int8 MLP agrees with its float model on nearly every digit.
    assertTrue(agreement >= 0.9, "agreement " + agreement);
    double floatTop1 = ((Number) m.get("float_top1")).doubleValue();
    assertTrue(floatTop1 > 0.8 && floatTop1 <= 1, "float top-1 " + floatTop1);
    List<?> layers = (List<?>) m.get("layers");
    assertFalse(layers.isEmpty(), "no int8 layer matched a float value");
    Map<?, ?> first = (Map<?, ?>) layers.get(0);
    assertTrue(first.containsKey("name") && first.containsKey("sqnr_db"), first.toString());
    double db = ((Number) first.get("sqnr_db")).doubleValue();
    assertTrue(Double.isFinite(db) && db > 10, "first layer SQNR " + db + " dB");
    assertTrue(r.err().contains("] 50/50"), "progress bar: " + r.err());
  }

  @Test
  void textReportNamesTheMeasures() {
    Run r = eval("--labels", labels.toString(), "--range", "8000:8010");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("float top-1") && r.out().contains("int8 top-1")
        && r.out().contains("agreement") && r.out().contains("0 mismatching") && r.out().contains("SQNR"), r.out());
  }

  @Test
  void qdqModelAsItsOwnReferenceIsSaidSo() {
    Path qdq = project.resolve("pytorch.qdq.onnx");
    Run r = tenax("eval", qdq.toString(), project.toString(), "--data", images.toString(), "--scale", PIXEL,
        "--labels", labels.toString(), "--range", "8000:8005");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("is a quantized (QDQ) model"), r.err());
  }

  @Test
  void missingLabelsIsAUsageError() {
    Run r = eval("--labels", tmp.resolve("nope.npy").toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("label file") && r.err().contains("does not exist"), r.err());
    Run noOption = eval();
    assertEquals(ExitCodes.USAGE, noOption.code());
    assertTrue(noOption.err().contains("--labels"), noOption.err());
  }

  @Test
  void labelCountMismatchIsAUsageError() throws Exception {
    Path few = tmp.resolve("few.npy");
    Files.write(few, Npy.write(Tensor.ofLongs(DType.INT64, new int[] {5}, new long[] {1, 2, 3, 4, 5})));
    Run r = eval("--labels", few.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("10000 samples") && r.err().contains("5 labels"), r.err());
  }

  @Test
  void floatLabelsAreAUsageError() throws Exception {
    Path f = tmp.resolve("float.npy");
    Files.write(f, Npy.write(Tensor.ofFloats(new int[] {2}, new float[] {1, 2})));
    Run r = eval("--labels", f.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("integers"), r.err());
  }
}
