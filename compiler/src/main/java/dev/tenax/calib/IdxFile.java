package dev.tenax.calib;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file (the MNIST format): magic {@code 0 0 TYPE RANK}, RANK big-endian 32-bit
 * dimensions, then big-endian data. Item i is the i-th slice along the first dimension
 * (an image of an idx3 file, a label of an idx1 file). Gzip-compressed files are recognized
 * by their content, not their name. Opening reads the header only; items are streamed.
 */
public final class IdxFile implements SampleSource {
  /** The IDX element type codes, with the dtype each is read as (doubles become float32). */
  public enum ElementType {
    UBYTE(0x08, 1, DType.UINT8), SBYTE(0x09, 1, DType.INT8), SHORT(0x0B, 2, DType.INT16),
    INT(0x0C, 4, DType.INT32), FLOAT(0x0D, 4, DType.FLOAT32), DOUBLE(0x0E, 8, DType.FLOAT32);

    final int code;
    final int size;
    final DType dtype;

    ElementType(int code, int size, DType dtype) {
      this.code = code;
      this.size = size;
      this.dtype = dtype;
    }
  }

  private final Path path;
  private final boolean gzip;
  private final ElementType type;
  private final int[] dims;

  private IdxFile(Path path, boolean gzip, ElementType type, int[] dims) {
    this.path = path;
    this.gzip = gzip;
    this.type = type;
    this.dims = dims;
  }

  public static IdxFile open(Path path) throws UsageException {
    if (!Files.isRegularFile(path)) {
      throw new UsageException("IDX file " + path + " does not exist");
    }
    try (DataInputStream in = stream(path, isGzip(path))) {
      int magic = in.readInt();
      if ((magic >>> 16) != 0) {
        throw new UsageException(path + " is not an IDX file (magic 0x" + Integer.toHexString(magic)
            + " should start with two zero bytes); give an MNIST-style *-idx3-ubyte[.gz] file");
      }
      int code = (magic >>> 8) & 0xFF;
      ElementType t = Arrays.stream(ElementType.values()).filter(e -> e.code == code).findFirst()
          .orElseThrow(() -> new UsageException(path + " has IDX type code 0x" + Integer.toHexString(code)
              + ", which is not one of 0x08 (ubyte), 0x09 (sbyte), 0x0B (short), 0x0C (int), 0x0D (float),"
              + " 0x0E (double); the file is damaged or not IDX"));
      int rank = magic & 0xFF;
      if (rank == 0) {
        throw new UsageException(path + " is an IDX file of rank 0; it holds no items");
      }
      int[] dims = new int[rank];
      for (int i = 0; i < rank; i++) {
        dims[i] = in.readInt();
        if (dims[i] < 0) {
          throw new UsageException(path + " declares a negative IDX dimension; the file is damaged");
        }
      }
      IdxFile f = new IdxFile(path, isGzip(path), t, dims);
      if (!f.gzip && Files.size(path) < f.headerSize() + (long) f.count() * f.itemBytes()) {
        throw new UsageException(path + " is truncated: its header announces " + f.count() + " items of "
            + Shapes.format(f.itemShape()) + " but the file has only " + Files.size(path) + " bytes");
      }
      return f;
    } catch (EOFException e) {
      throw new UsageException(path + " ends inside its IDX header; the file is truncated or not IDX");
    } catch (IOException e) {
      throw new UsageException("cannot read IDX file " + path + ": " + e.getMessage());
    }
  }

  /**
   * Reads items {@code range} of an integer IDX file of rank 1, such as MNIST labels.
   */
  public static int[] readLabels(Path path, SampleRange range) throws UsageException {
    IdxFile f = open(path);
    if (f.dims.length != 1 || f.type.dtype == DType.FLOAT32) {
      throw new UsageException(path + " is not a label file: labels are IDX integers of rank 1, this holds "
          + f.type + " of shape " + Shapes.format(f.dims));
    }
    int end = range.endIn(f.count(), path.toString());
    int[] labels = new int[end - range.start()];
    try (Reader r = f.open(range.start())) {
      for (int i = 0; i < labels.length; i++) {
        labels[i] = (int) r.next().getLong(0);
      }
    }
    return labels;
  }

  public static int[] readLabels(Path path) throws UsageException {
    return readLabels(path, SampleRange.ALL);
  }

  private static boolean isGzip(Path path) throws UsageException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] b = in.readNBytes(2);
      return b.length == 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B;
    } catch (IOException e) {
      throw new UsageException("cannot read IDX file " + path + ": " + e.getMessage());
    }
  }

  private static DataInputStream stream(Path path, boolean gzip) throws IOException {
    InputStream raw = Files.newInputStream(path);
    return new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16));
  }

  public ElementType elementType() {
    return type;
  }

  /** The shape of one item: the dimensions after the first. */
  public int[] itemShape() {
    return Arrays.copyOfRange(dims, 1, dims.length);
  }

  @Override
  public int[] sampleShape() {
    return itemShape();
  }

  @Override
  public int count() {
    return dims[0];
  }

  @Override
  public String describe() {
    return path + " (IDX, " + count() + " items of " + Shapes.format(itemShape()) + " " + type + ")";
  }

  private int headerSize() {
    return 4 + 4 * dims.length;
  }

  private int itemBytes() {
    return Shapes.size(itemShape()) * type.size;
  }

  @Override
  public Reader open(int start) throws UsageException {
    DataInputStream in;
    try {
      in = stream(path, gzip);
      in.skipNBytes(headerSize() + (long) start * itemBytes());
    } catch (EOFException e) {
      throw new UsageException(path + " ends before item " + start + "; the file is truncated");
    } catch (IOException e) {
      throw new UsageException("cannot read IDX file " + path + ": " + e.getMessage());
    }
    return new Reader() {
      private int index = start;

      @Override
      public Tensor next() throws UsageException {
        byte[] bytes = new byte[itemBytes()];
        try {
          in.readFully(bytes);
        } catch (EOFException e) {
          throw new UsageException(path + " ends inside item " + index + " of the " + count()
              + " its header announces; the file is truncated");
        } catch (IOException e) {
          throw new UsageException("cannot read item " + index + " of " + path + ": " + e.getMessage());
        }
        index++;
        return decode(ByteBuffer.wrap(bytes));
      }

      @Override
      public void close() {
        try {
          in.close();
        } catch (IOException e) {
          // Read-only stream: nothing is lost when closing fails.
        }
      }
    };
  }

  private Tensor decode(ByteBuffer b) {
    int[] shape = itemShape();
    int n = Shapes.size(shape);
    if (type.dtype == DType.FLOAT32) {
      float[] f = new float[n];
      for (int i = 0; i < n; i++) {
        f[i] = type == ElementType.DOUBLE ? (float) b.getDouble() : b.getFloat();
      }
      return Tensor.ofFloats(shape, f);
    }
    long[] l = new long[n];
    for (int i = 0; i < n; i++) {
      switch (type) {
        case UBYTE: l[i] = b.get() & 0xFF; break;
        case SBYTE: l[i] = b.get(); break;
        case SHORT: l[i] = b.getShort(); break;
        default: l[i] = b.getInt();
      }
    }
    return Tensor.ofLongs(type.dtype, shape, l);
  }
}
