package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.ir.Graph;
import dev.tenax.lower.InputLayout;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.ModelIo;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.testing.ExternalTools;
import dev.tenax.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Cortex-M build that fits its QEMU board but not make flash's default real board gets a note
 * with the numbers and what would make it fit: MobileNet VWW on cortex-m4 with float32 inputs
 * (110 KB of them) does not fit the Nucleo-F446RE's 128 KB of SRAM, with --io=quantized it does.
 * The thorough test links both for the board, as make flash does, to show the note tells the truth.
 */
class HardwareBoardFitTest {
  private static final String VWW = "models/mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx";

  @Test
  void vwwWithFloatInputsDoesNotFitTheNucleoAndQuantizedOnesDo() throws Exception {
    Optional<String> floatIo = note(VWW, "cortex-m4", ModelIo.FLOAT, null);
    assertTrue(floatIo.isPresent(), "VWW with float32 inputs needs 170 KB of SRAM");
    String n = floatIo.get();
    assertTrue(n.startsWith("note: make flash links for nucleo-f446re by default (512 KB of flash, 128 KB of SRAM)"), n);
    assertTrue(n.contains("bytes of SRAM") && n.contains("has 131,072"), n);
    assertTrue(n.contains("--io=quantized (the float32 inputs and outputs take 110,600 bytes)"), n);
    assertEquals(Optional.empty(), note(VWW, "cortex-m4", ModelIo.QUANTIZED, null));
  }

  /** With the NCHW input quantized straight into NHWC, as with an NHWC input. */
  @ParameterizedTest
  @EnumSource(InputLayout.class)
  void aSmallerArenaInPlaceIsSuggestedWhereThereIsOne(InputLayout layout) throws Exception {
    String n = note(VWW, "cortex-m4", ModelIo.FLOAT, layout, null).orElseThrow();
    assertTrue(n.contains("--in-place=smallest (an arena of 37,632 bytes instead of 55,296)"), n);
  }

  @Test
  void kwsFitsAndCortexM55HasNoDefaultBoard() throws Exception {
    String kws = "models/mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx";
    assertEquals(Optional.empty(), note(kws, "cortex-m4", ModelIo.FLOAT, null));
    assertEquals(Optional.empty(), note(VWW, "cortex-m55", ModelIo.FLOAT, null));
  }

  /** Links VWW for the Nucleo-F446RE as make hw (and make flash) does: float32 I/O overflows its RAM. */
  @Tag("thorough")
  @Test
  void theNoteAgreesWithTheBoardsLink(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    String n = note(VWW, "cortex-m4", ModelIo.FLOAT, dir.resolve("float")).orElseThrow();
    Process p = new ProcessBuilder("make", "-C", dir.resolve("float").toString(), "hw").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor() != 0 && out.contains("region `RAM' overflowed"), out);
    // the fit check counts at least what the link places in RAM (arena, tensors, harness data, stack)
    Matcher overflow = Pattern.compile("region `RAM' overflowed by (\\d+) bytes").matcher(out);
    Matcher needs = Pattern.compile("needs ([\\d,]+) bytes of SRAM").matcher(n);
    assertTrue(overflow.find() && needs.find(), out + n);
    long linked = 128 * 1024 + Long.parseLong(overflow.group(1));
    long counted = Long.parseLong(needs.group(1).replace(",", ""));
    assertTrue(counted >= linked && counted <= linked + 64, "counted " + counted + ", the link " + linked);
    assertEquals(Optional.empty(), note(VWW, "cortex-m4", ModelIo.QUANTIZED, dir.resolve("quantized")));
    p = new ProcessBuilder("make", "-C", dir.resolve("quantized").toString(), "hw").redirectErrorStream(true).start();
    out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
  }

  /** The note for the model compiled for target (written to dir when given). */
  private static Optional<String> note(String model, String target, ModelIo io, Path dir) throws Exception {
    return note(model, target, io, InputLayout.MODEL, dir);
  }

  private static Optional<String> note(String model, String target, ModelIo io, InputLayout layout, Path dir)
      throws Exception {
    Graph g = Pipeline.standard().run(ModelImporter.load(SharedData.require(model), ImportOptions.defaults()));
    EmitOptions options = new EmitOptions("m", target, null, "test", "m.onnx", "0");
    var lowered = Lowering.lower(g, OperatorRegistry.standard(), io, layout);
    ModelCompiler.Result r = ModelCompiler.compile(lowered, options);
    if (dir != null) {
      Assumptions.assumeTrue(ExternalTools.works("make", "--version"), "make missing");
      ModelCompiler.output(g, r, options, dir).commit();
    }
    Optional<String> note = HardwareBoardFit.note(r, options);
    String readme = new String(r.files().get("README.md"), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(note.orElse(""), r.view().boardNote());
    assertEquals(note.isPresent(), readme.contains("`make flash`'s default board cannot hold this build"), readme);
    note.ifPresent(n -> assertTrue(readme.contains(n), "the project's README carries the note: " + readme));
    return note;
  }
}
