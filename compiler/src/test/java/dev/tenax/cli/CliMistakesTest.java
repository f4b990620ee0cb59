package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.io.Npy;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.ProtoModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes a user makes on the command line get a usage error (exit 2) that says what to give,
 * before any work, or a diagnostic that fits the problem, and leave nothing behind.
 */
class CliMistakesTest {
  @TempDir
  Path tmp;

  private Path model(String op) throws Exception {
    Path p = tmp.resolve(op + ".onnx");
    Files.write(p, ProtoModels.model(13, List.of(ProtoModels.node("n", op, List.of("x"), List.of("y"))),
        List.of(ProtoModels.tensor("x", 1, 4)), List.of(ProtoModels.tensor("y", 1, 4))).toByteArray());
    return p;
  }

  /** -o naming a file (or a path under one) is refused before the compile, the run or the exec. */
  @Test
  void anOutputPathThatIsAFileIsAUsageErrorBeforeAnyWork() throws Exception {
    Path file = tmp.resolve("afile");
    Files.writeString(file, "x");
    Path m = model("Relu");
    CliTest.Run compile = tenax("compile", m.toString(), "--target", "host", "--calib", "random", "-o", file.toString());
    assertEquals(2, compile.code(), compile.err());
    assertTrue(compile.err().contains("-o " + file + " is a file, not a directory"), compile.err());
    assertFalse(compile.err().contains("calibrating"), "worked before refusing: " + compile.err());
    CliTest.Run under = tenax("exec", m.toString(), "--input", "x=" + npy("x.npy", floats()), "-o",
        file.resolve("out").toString());
    assertEquals(2, under.code(), under.err());
    assertTrue(under.err().contains(file + " is a file, not a directory"), under.err());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void aMissingModelIsAUsageErrorThatNamesIt() {
    Path missing = tmp.resolve("nonexistent.onnx");
    CliTest.Run r = tenax("compile", missing.toString(), "--target", "cortex-m4", "-o", tmp.resolve("x").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("model " + missing + " does not exist"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  /** Integers into a float input are most often raw data: refused with the conversion to make, not cast. */
  @Test
  void integerDataForAFloatInputIsRefusedWithTheConversion() throws Exception {
    Tensor ints = Tensor.zeros(DType.INT64, new int[] {4});
    Path out = tmp.resolve("out");
    CliTest.Run r = tenax("exec", model("Relu").toString(), "--input", "x=" + npy("ints.npy", ints), "-o",
        out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("input 'x' must be float32, the file holds int64")
        && r.err().contains("astype(numpy.float32)"), r.err());
    assertFalse(Files.exists(out));
    CliTest.Run doubles = tenax("exec", model("Relu").toString(), "--input", "x=" + npy("f.npy", floats()), "-o",
        out.toString());
    assertEquals(0, doubles.code(), doubles.err());
  }

  /**
   * An operator Tenax evaluates but has no kernel for is refused as such, before a float model is
   * calibrated, and without the hint to quantize it (which would not help).
   */
  @Test
  void anOperatorWithoutKernelsIsRefusedBeforeCalibration() throws Exception {
    Path out = tmp.resolve("abs");
    CliTest.Run r = tenax("compile", model("Abs").toString(), "--target", "host", "--calib", "random", "-o",
        out.toString());
    assertEquals(65, r.code(), r.err());
    assertTrue(r.err().contains("error TX080") && r.err().contains("Abs has no kernel in Tenax"), r.err());
    assertFalse(r.err().contains("calibrating") || r.err().contains("(QDQ)"), r.err());
    assertFalse(Files.exists(out));
  }

  /** tenax eval loads host projects only: a Cortex-M project is refused with what to compile instead. */
  @Test
  void evalOnACortexMProjectSaysToCompileForTheHost() throws Exception {
    Path m = model("Relu");
    Path project = tmp.resolve("m4");
    CliTest.Run c = tenax("compile", m.toString(), "--target", "cortex-m4", "--calib", "random", "--no-build", "-o",
        project.toString());
    assertEquals(0, c.code(), c.err());
    Path data = npy("data.npy", Tensor.ofFloats(new int[] {2, 4}, new float[8]));
    Path labels = npy("labels.npy", Tensor.zeros(DType.INT64, new int[] {2}));
    CliTest.Run r = tenax("eval", m.toString(), project.toString(), "--data", data.toString(), "--labels",
        labels.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("compile the model again with --target host"), r.err());
  }

  private static Tensor floats() {
    return Tensor.ofFloats(new int[] {4}, new float[] {-1, 2, -3, 4});
  }

  private Path npy(String name, Tensor t) throws Exception {
    Path p = tmp.resolve(name);
    Files.write(p, Npy.write(t));
    return p;
  }
}
