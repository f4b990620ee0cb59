package dev.tenax.calib;

import dev.tenax.diag.UsageException;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of {@code .npy} or TensorProto {@code .pb} files, one sample each, taken in file
 * name order (plain string order: pad numbers with zeros, as ONNX's input_0.pb.. files do
 * up to ten). Other files (a README, labels) are ignored, and so are those a glob leaves out.
 */
final class TensorDirSource implements SampleSource {
  private final String where;
  private final List<Path> files;

  private TensorDirSource(String where, List<Path> files) {
    this.where = where;
    this.files = files;
  }

  /** The .npy/.pb files of {@code dir} whose names match {@code glob} ("*" for all). */
  static TensorDirSource open(Path dir, String glob) throws UsageException {
    List<Path> files;
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad file pattern '" + glob + "' for calibration data: " + e.getMessage());
    }
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).filter(TensorDirSource::isTensorFile)
          .filter(p -> matcher.matches(p.getFileName()))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new UsageException("cannot list calibration folder " + dir + ": " + e.getMessage());
    }
    String where = glob.equals("*") ? dir.toString() : dir.resolve(glob).toString();
    if (files.isEmpty()) {
      throw new UsageException(glob.equals("*") ? "calibration folder " + dir
          + " holds no .npy or .pb files; put one sample per file there"
          : "no .npy or .pb file in " + dir + " matches " + glob);
    }
    return new TensorDirSource(where, files);
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
    return where + " (" + files.size() + " tensor files)";
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
