package dev.tenax.io;

import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * NumPy {@code .npy} (format 1.0-3.0, C order) and {@code .npz} (zip of .npy, stored or
 * deflated). float64 arrays are read as float32; big-endian and Fortran-order arrays and
 * object arrays are refused with a message.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /**
   * What an .npy header says: element type ({@code FLOAT32} for float32 and float64 files,
   * which are both read as float32), bytes per element, shape, and where the data starts.
   */
  public record Header(DType dtype, int elementSize, int[] shape, int dataOffset) {
    public int count() {
      return Shapes.size(shape);
    }
  }

  /**
   * Parses the header at the start of {@code b} (which may hold only a prefix of the file)
   * and leaves {@code b} positioned at the data. Callers that stream a large file read the
   * first {@link #headerPrefixSize} bytes, then as many as {@code dataOffset} says.
   */
  public static Header readHeader(ByteBuffer b) throws IOException {
    b.order(ByteOrder.LITTLE_ENDIAN);
    for (byte m : MAGIC) {
      if (b.remaining() == 0 || b.get() != m) {
        throw new IOException("not a .npy file (bad magic)");
      }
    }
    if (b.remaining() < 2) {
      throw new IOException(".npy header is truncated");
    }
    int major = b.get();
    b.get();
    if (b.remaining() < (major == 1 ? 2 : 4)) {
      throw new IOException(".npy header is truncated");
    }
    int headerLen = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
    if (headerLen < 0 || headerLen > b.remaining()) {
      throw new IOException(".npy header is truncated");
    }
    byte[] h = new byte[headerLen];
    b.get(h);
    String header = new String(h, major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, "descr");
    if ("True".equals(group(FORTRAN, header, "fortran_order"))) {
      throw new IOException("Fortran-order .npy arrays are not supported; save with np.ascontiguousarray");
    }
    List<Integer> dims = new ArrayList<>();
    for (String part : group(SHAPE, header, "shape").split(",")) {
      if (!part.isBlank()) {
        dims.add(Integer.parseInt(part.trim()));
      }
    }
    int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
    Element e = element(descr);
    return new Header(e.dtype == null ? DType.FLOAT32 : e.dtype, e.size, shape, b.position());
  }

  /** Bytes that always hold the fixed part of a header (magic, version, header length). */
  public static int headerPrefixSize() {
    return MAGIC.length + 6;
  }

  /** Where the data starts, from the first {@link #headerPrefixSize} bytes of a file. */
  public static int dataOffset(ByteBuffer prefix) throws IOException {
    ByteBuffer b = prefix.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    for (byte m : MAGIC) {
      if (b.remaining() == 0 || b.get() != m) {
        throw new IOException("not a .npy file (bad magic)");
      }
    }
    if (b.remaining() < 6) {
      throw new IOException(".npy header is truncated");
    }
    int major = b.get();
    b.get();
    long len = major == 1 ? Short.toUnsignedInt(b.getShort()) : Integer.toUnsignedLong(b.getInt());
    if (len > (1 << 24)) {
      throw new IOException(".npy header claims " + len + " bytes; the file is damaged");
    }
    return (int) (b.position() + len);
  }

  /** Decodes {@code shape}'s worth of elements of {@code h}'s type from {@code b}. */
  public static Tensor decode(Header h, ByteBuffer b, int[] shape) throws IOException {
    b.order(ByteOrder.LITTLE_ENDIAN);
    int n = Shapes.size(shape);
    if ((long) n * h.elementSize() > b.remaining()) {
      throw new IOException(".npy data is truncated: shape " + Shapes.format(shape) + " of " + h.dtype()
          + " needs " + (long) n * h.elementSize() + " bytes, " + b.remaining() + " present");
    }
    if (h.dtype() == DType.FLOAT32) {
      float[] f = new float[n];
      for (int i = 0; i < n; i++) {
        f[i] = h.elementSize() == 8 ? (float) b.getDouble() : b.getFloat();
      }
      return Tensor.ofFloats(shape, f);
    }
    long[] l = new long[n];
    for (int i = 0; i < n; i++) {
      switch (h.elementSize()) {
        case 1: l[i] = b.get(); break;
        case 2: l[i] = b.getShort(); break;
        case 4: l[i] = b.getInt(); break;
        default: l[i] = b.getLong();
      }
    }
    return Tensor.ofLongs(h.dtype(), shape, l);
  }

  public static Tensor read(byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    Header h = readHeader(b);
    return decode(h, b, h.shape());
  }

  /** Element kind: dtype null means a float (4 or 8 bytes) read as float32. */
  private record Element(DType dtype, int size) {}

  private static Element element(String descr) throws IOException {
    if (descr.startsWith(">") && !descr.endsWith("1")) {
      throw new IOException("big-endian .npy arrays are not supported (" + descr + ")");
    }
    switch (descr.replaceFirst("^[<|=]", "")) {
      case "f4": return new Element(null, 4);
      case "f8": return new Element(null, 8);
      case "i1": return new Element(DType.INT8, 1);
      case "u1": return new Element(DType.UINT8, 1);
      case "b1": return new Element(DType.BOOL, 1);
      case "i2": return new Element(DType.INT16, 2);
      case "u2": return new Element(DType.UINT16, 2);
      case "i4": return new Element(DType.INT32, 4);
      case "u4": return new Element(DType.UINT32, 4);
      case "i8": return new Element(DType.INT64, 8);
      default: throw new IOException(".npy element type '" + descr + "' is not supported");
    }
  }

  private static String group(Pattern p, String header, String key) throws IOException {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new IOException(".npy header has no '" + key + "' entry");
    }
    return m.group(1);
  }

  /** Serializes {@code t} as a version 1.0 .npy file. */
  public static byte[] write(Tensor t) {
    String descr;
    switch (t.dtype()) {
      case FLOAT32: descr = "<f4"; break;
      case INT8: descr = "|i1"; break;
      case UINT8: descr = "|u1"; break;
      case BOOL: descr = "|b1"; break;
      case INT16: descr = "<i2"; break;
      case UINT16: descr = "<u2"; break;
      case INT32: descr = "<i4"; break;
      case UINT32: descr = "<u4"; break;
      default: descr = "<i8";
    }
    int[] shape = t.shape();
    StringBuilder dims = new StringBuilder();
    for (int d : shape) {
      dims.append(d).append(", ");
    }
    String shapeText = shape.length == 1 ? shape[0] + "," : dims.length() == 0 ? "" : dims.substring(0, dims.length() - 2);
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shapeText + "), }";
    int total = MAGIC.length + 4 + header.length() + 1;
    int pad = (64 - total % 64) % 64;
    header = header + " ".repeat(pad) + "\n";
    int size = t.dtype().byteSize();
    ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + t.size() * size)
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.ISO_8859_1));
    for (int i = 0; i < t.size(); i++) {
      if (t.dtype().isFloat()) {
        b.putFloat(t.floats()[i]);
      } else {
        long v = t.longs()[i];
        switch (size) {
          case 1: b.put((byte) v); break;
          case 2: b.putShort((short) v); break;
          case 4: b.putInt((int) v); break;
          default: b.putLong(v);
        }
      }
    }
    return b.array();
  }

  /** Reads every array of an .npz archive, keyed by name without the .npy suffix. */
  public static Map<String, Tensor> readNpz(InputStream in) throws IOException {
    Map<String, Tensor> arrays = new LinkedHashMap<>();
    try (ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        if (e.isDirectory()) {
          continue;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        z.transferTo(out);
        String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
        arrays.put(name, read(out.toByteArray()));
      }
    }
    if (arrays.isEmpty()) {
      throw new IOException("the .npz archive holds no arrays");
    }
    return arrays;
  }
}
