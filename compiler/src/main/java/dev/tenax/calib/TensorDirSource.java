package dev.tenax.calib;

import dev.tenax.diag.UsageException;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of {@code .npy} or TensorProto {@code .pb} files, one sample each, taken in file
 * name order (plain string order: pad numbers with zeros, as ONNX's input_0.pb.. files do
 * up to ten). Other files (a README, labels) are ignored.
 */
final class TensorDirSource implements SampleSource {
  private final Path dir;
  private final List<Path> files;

  private TensorDirSource(Path dir, List<Path> files) {
    this.dir = dir;
    this.files = files;
  }

  static TensorDirSource open(Path dir) throws UsageException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).filter(TensorDirSource::isTensorFile)
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new UsageException("cannot list calibration folder " + dir + ": " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new UsageException("calibration folder " + dir
          + " holds no .npy or .pb files; put one sample per file there");
    }
    return new TensorDirSource(dir, files);
  }

  private static boolean isTensorFile(Path p) {
    String n = p.getFileName().toString().toLowerCase();
    return !n.startsWith(".") && (n.endsWith(".npy") || n.endsWith(".pb"));
  }

  @Override
  public int count() {
    return files.size();
  }

  @Override
  public int[] sampleShape() {
    return null;
  }

  @Override
  public String describe() {
    return dir + " (" + files.size() + " tensor files)";
  }

  @Override
  public Reader open(int start) {
    return new Reader() {
      private int index = start;

      @Override
      public Tensor next() throws UsageException {
        return TensorFiles.read(files.get(index++)).tensor();
      }

      @Override
      public void close() {}
    };
  }
}
