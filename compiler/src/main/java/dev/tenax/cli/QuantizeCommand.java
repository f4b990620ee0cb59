package dev.tenax.cli;

import dev.tenax.frontend.OnnxExporter;
import dev.tenax.ir.Graph;
import dev.tenax.passes.Pipeline;
import dev.tenax.quantizer.QuantMode;
import dev.tenax.quantizer.QuantizedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenax quantize}: post-training int8 or 16x8 quantization to an ONNX QDQ model. */
@Command(name = "quantize", mixinStandardHelpOptions = true,
    description = "Calibrate the model on sample inputs and write it as an int8 ONNX QDQ model "
        + "(weights int8 per channel, activations int8 per tensor, biases int32), or with --mode 16x8 "
        + "as a 16x8 one (activations int16 symmetric per tensor).")
final class QuantizeCommand implements Callable<Integer> {
  @Mixin
  ModelOptions modelOptions;

  @Mixin
  CalibrationOptions calibration;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output model (default: MODEL with "
      + ".int8.onnx, or .16x8.onnx with --mode 16x8).")
  Path output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Graph g = Pipeline.standard().run(modelOptions.load());
    QuantizedModel q = calibration.quantize(g, out, err);
    QuantMode mode = calibration.mode();
    Path target = output != null ? output : defaultOutput(modelOptions.model, mode);
    writeAtomically(target, OnnxExporter.export(q.graph(), Version.current()).toByteArray());
    out.println("quantized " + q.activations().size() + " activation tensors to "
        + (mode == QuantMode.INT16X8 ? "int16" : "int8"));
    out.println(q.floatNodes().isEmpty() ? "float islands: none"
        : "float islands (" + q.floatNodes().size() + " node" + (q.floatNodes().size() == 1 ? "" : "s")
            + " left in float32): " + String.join(", ", q.floatNodes()));
    out.println("wrote " + target);
    out.flush();
    return ExitCodes.OK;
  }

  static Path defaultOutput(Path model) {
    return defaultOutput(model, QuantMode.INT8);
  }

  static Path defaultOutput(Path model, QuantMode mode) {
    String name = model.getFileName().toString();
    String base = name.toLowerCase(Locale.ROOT).endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
    return model.resolveSibling(base + "." + mode.label() + ".onnx");
  }

  /** Writes a temporary sibling, then moves it over the target: readers never see half a file. */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
