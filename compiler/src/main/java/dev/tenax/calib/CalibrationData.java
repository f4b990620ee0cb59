package dev.tenax.calib;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Calibration samples for one model input, ready to feed to the evaluator: each sample is
 * read from its source when the iterator reaches it, reshaped to the input's shape when
 * the element count matches (784 pixels become [1,1,28,28] or [1,784]; a slice of a
 * stacked array gets its batch dimension of 1 back), converted to the input's element type
 * and preprocessed. Opening checks what can be checked without reading the data.
 *
 * <p>Iteration can be repeated. A sample that cannot be read or does not fit surfaces as a
 * {@link SampleException} (unchecked, because {@link Iterator} cannot throw checked
 * exceptions) wrapping the {@link UsageException} that says what to do.
 */
public final class CalibrationData implements Iterable<Tensor> {
  private final SampleSource source;
  private final String inputName;
  private final TensorType input;
  private final int start;
  private final int end;
  private final Preprocessing pre;

  private CalibrationData(SampleSource source, String inputName, TensorType input, int start, int end,
      Preprocessing pre) {
    this.source = source;
    this.inputName = inputName;
    this.input = input;
    this.start = start;
    this.end = end;
    this.pre = pre;
  }

  /**
   * Opens {@code path}: a folder of .npy/.pb files (or the files of a folder that a glob in the
   * last component matches, e.g. {@code samples/digit-?.npy}), a stacked .npy array, the array of an
   * .npz archive named after the input (or its only one), or an IDX file (named {@code *-idx3-ubyte},
   * {@code *.idx*} or gzip-compressed such a file).
   */
  public static CalibrationData open(Path path, String inputName, TensorType input, SampleRange range,
      Preprocessing pre) throws UsageException {
    return of(source(path, inputName), inputName, input, range, pre);
  }

  public static CalibrationData of(SampleSource source, String inputName, TensorType input, SampleRange range,
      Preprocessing pre) throws UsageException {
    int end = range.endIn(source.count(), source.describe());
    if (!input.dtype().isFloat() && !pre.isIdentity()) {
      throw new UsageException("model input '" + inputName + "' is " + input.dtype()
          + ", but preprocessing (" + pre + ") produces float values; drop the scale/mean/std options");
    }
    pre.check(input.shape());
    int[] shape = source.sampleShape();
    if (shape != null) {
      checkCount(shape, inputName, input, source.describe());
    }
    return new CalibrationData(source, inputName, input, range.start(), end, pre);
  }

  static SampleSource source(Path path, String inputName) throws UsageException {
    if (Files.isDirectory(path)) {
      return TensorDirSource.open(path, "*");
    }
    String last = path.getFileName() == null ? "" : path.getFileName().toString();
    if (last.matches(".*[*?\\[{].*")) { // a glob such as samples/digit-?.npy: the files of a folder it matches
      Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
      if (!Files.isDirectory(dir)) {
        throw new UsageException("calibration folder " + dir + " (of the pattern " + path + ") does not exist");
      }
      return TensorDirSource.open(dir, last);
    }
    if (!Files.isRegularFile(path)) {
      throw new UsageException("calibration data " + path + " does not exist");
    }
    String name = path.getFileName().toString().toLowerCase();
    if (name.endsWith(".npy")) {
      return NpyStackSource.open(path);
    }
    if (name.endsWith(".npz")) {
      return NpzSource.open(path, inputName);
    }
    if (name.contains("idx") || name.contains("ubyte")) {
      return IdxFile.open(path);
    }
    throw new UsageException("calibration data " + path + " is neither a folder of .npy/.pb files, a .npy array"
        + " (or an .npz archive's) stacked on the first axis, nor an IDX file (*-idx3-ubyte, optionally .gz)");
  }

  private static void checkCount(int[] shape, String inputName, TensorType input, String where)
      throws UsageException {
    if (Shapes.size(shape) != Shapes.size(input.shape())) {
      throw new UsageException("calibration samples from " + where + " have " + Shapes.size(shape)
          + " values (shape " + Shapes.format(shape) + "), but model input '" + inputName + "' needs "
          + Shapes.size(input.shape()) + " (shape " + Shapes.format(input.shape())
          + "); give samples with the input's element count (a stacked array is [N, ...one sample...])");
    }
  }

  public String inputName() {
    return inputName;
  }

  public TensorType inputType() {
    return input;
  }

  /** The number of samples iteration yields. */
  public int size() {
    return end - start;
  }

  public String describe() {
    return source.describe() + ", samples " + start + ".." + (end - 1) + (pre.isIdentity() ? "" : ", " + pre);
  }

  @Override
  public Iterator<Tensor> iterator() {
    return new Iterator<>() {
      private SampleSource.Reader reader;
      private int index = start;

      @Override
      public boolean hasNext() {
        return index < end;
      }

      @Override
      public Tensor next() {
        if (index >= end) {
          throw new NoSuchElementException();
        }
        try {
          if (reader == null) {
            reader = source.open(start);
          }
          Tensor t = convert(reader.next(), index++);
          if (index == end) {
            reader.close();
          }
          return t;
        } catch (UsageException e) {
          if (reader != null) {
            reader.close();
          }
          index = end;
          throw new SampleException(e);
        }
      }
    };
  }

  private Tensor convert(Tensor raw, int index) throws UsageException {
    String where = "sample " + index + " of " + source.describe();
    checkCount(raw.shape(), inputName, input, where);
    int[] shape = input.shape();
    if (input.dtype().isFloat()) {
      float[] x = new float[raw.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = raw.getFloat(i);
      }
      return Tensor.ofFloats(shape, pre.isIdentity() ? x : pre.apply(x, shape));
    }
    if (raw.dtype().isFloat()) {
      throw new UsageException(where + " holds float values, but model input '" + inputName + "' is "
          + input.dtype() + "; give integer data");
    }
    DType want = input.dtype();
    long[] l = raw.toLongs();
    for (long v : l) {
      if (v < want.min() || v > want.max()) {
        throw new UsageException(where + " holds " + v + ", outside the range of model input '" + inputName
            + "' (" + want + ")");
      }
    }
    return Tensor.ofLongs(want, shape, l);
  }

  /** A sample failed while iterating; {@link #usage()} says what is wrong and what to do. */
  public static final class SampleException extends RuntimeException {
    SampleException(UsageException cause) {
      super(cause.getMessage(), cause);
    }

    public UsageException usage() {
      return (UsageException) getCause();
    }
  }
}
