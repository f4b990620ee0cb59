package dev.tenax.examples;

import dev.tenax.eval.ReferenceEvaluator;
import dev.tenax.frontend.OnnxExporter;
import dev.tenax.io.OutputDirectory;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a training program writes for a bundled example: model.onnx, sample inputs with the
 * float model's answers, and training.txt, the log it also shows as it goes. Nothing reaches
 * the folder until {@link #commit}, which moves everything into place at once.
 */
public final class ExampleFiles {
  private final OutputDirectory dir;
  private final PrintWriter progress;
  private final StringBuilder log = new StringBuilder();
  private final ReferenceEvaluator eval = new ReferenceEvaluator();

  public ExampleFiles(Path out, PrintWriter progress) {
    this.dir = new OutputDirectory(out);
    this.progress = progress;
  }

  /** One line of training.txt, shown on {@code progress} at once. */
  public void log(String line) {
    log.append(line).append('\n');
    progress.println(line);
    progress.flush();
  }

  /**
   * model.onnx, with a fixed producer string instead of the tenax version, so that retraining
   * with another version gives the same bytes.
   */
  public void model(Graph g, String producer) {
    dir.add("model.onnx", OnnxExporter.export(g, producer).toByteArray());
  }

  /** {@code stem}.npy holding {@code x}, and {@code stem}.expected.npy, the float model's output for it. */
  public void sample(String stem, Graph g, String input, String output, Tensor x) {
    dir.add(stem + ".npy", TensorFiles.toNpy(x));
    dir.add(stem + ".expected.npy", TensorFiles.toNpy(eval.run(g, Map.of(input, x)).get(output)));
  }

  public void add(String fileName, byte[] content) {
    dir.add(fileName, content);
  }

  /** Writes training.txt and moves every file into place. */
  public void commit() throws IOException {
    dir.add("training.txt", log.toString().getBytes(StandardCharsets.UTF_8));
    dir.commit();
  }
}
