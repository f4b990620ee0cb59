package dev.tenax.frontend;

import com.google.protobuf.ByteString;
import dev.tenax.diag.Code;
import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.ir.DType;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.onnx.proto.Onnx.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Converts ONNX TensorProto messages (raw or typed payload) to and from {@link Tensor}. */
public final class TensorDecoder {
  private TensorDecoder() {}

  /** Decodes {@code proto}; {@code what} names the tensor in diagnostics. */
  public static Tensor decode(TensorProto proto, String what) throws ModelRejectedException {
    if (proto.getDataLocation() == TensorProto.DataLocation.EXTERNAL || proto.getExternalDataCount() > 0) {
      throw new ModelRejectedException(Diagnostic.of(Code.TX003,
          what + " keeps its data in an external file"));
    }
    DType dtype = DType.fromOnnx(proto.getDataType()).orElseThrow(() -> new ModelRejectedException(
        Diagnostic.of(Code.TX020, what + " has element type " + DType.onnxTypeName(proto.getDataType())
            + ", which Tenax does not support (supported: float32, int8, uint8, int16, uint16, int32, "
            + "uint32, int64, bool)")));
    if (proto.hasSegment()) {
      throw new ModelRejectedException(Diagnostic.of(Code.TX002, what + " is a segmented tensor"));
    }
    int[] shape;
    int n;
    try {
      for (long d : proto.getDimsList()) {
        if (d < 0) {
          throw new IllegalArgumentException("negative dimension " + d);
        }
      }
      shape = Shapes.of(proto.getDimsList().stream().mapToLong(Long::longValue).toArray());
      n = Shapes.size(shape);
    } catch (ArithmeticException | IllegalArgumentException e) {
      throw new ModelRejectedException(Diagnostic.of(Code.TX002, what + " has an invalid shape "
          + proto.getDimsList() + ": " + e.getMessage()));
    }
    try {
      return proto.hasRawData() ? decodeRaw(dtype, shape, n, proto.getRawData())
          : decodeTyped(dtype, shape, n, proto);
    } catch (IllegalArgumentException e) {
      throw new ModelRejectedException(Diagnostic.of(Code.TX002, what + " is corrupted: " + e.getMessage()));
    }
  }

  private static Tensor decodeRaw(DType dtype, int[] shape, int n, ByteString raw) {
    if ((long) n * dtype.byteSize() != raw.size()) {
      throw new IllegalArgumentException("shape " + Shapes.format(shape) + " of " + dtype + " needs "
          + (long) n * dtype.byteSize() + " bytes, raw_data has " + raw.size());
    }
    return fromLittleEndian(dtype, shape, raw.asReadOnlyByteBuffer());
  }

  /** Reads a tensor from packed little-endian element bytes (ONNX raw_data, runtime buffers). */
  public static Tensor fromLittleEndian(DType dtype, int[] shape, ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int n = Shapes.size(shape);
    if (dtype == DType.FLOAT32) {
      float[] f = new float[n];
      b.asFloatBuffer().get(f);
      return Tensor.ofFloats(shape, f);
    }
    long[] l = new long[n];
    for (int i = 0; i < n; i++) {
      switch (dtype) {
        case INT8: l[i] = b.get(); break;
        case UINT8: l[i] = b.get() & 0xFF; break;
        case BOOL: l[i] = b.get() != 0 ? 1 : 0; break;
        case INT16: l[i] = b.getShort(); break;
        case UINT16: l[i] = b.getShort() & 0xFFFF; break;
        case INT32: l[i] = b.getInt(); break;
        case UINT32: l[i] = b.getInt() & 0xFFFF_FFFFL; break;
        case INT64: l[i] = b.getLong(); break;
        default: throw new IllegalStateException("unhandled " + dtype);
      }
    }
    return Tensor.ofLongs(dtype, shape, l);
  }

  /** The tensor's elements as packed little-endian bytes. */
  public static byte[] toLittleEndian(Tensor t) {
    ByteBuffer b = ByteBuffer.allocate(t.size() * t.dtype().byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < t.size(); i++) {
      switch (t.dtype()) {
        case FLOAT32: b.putFloat(t.floats()[i]); break;
        case INT8: case UINT8: case BOOL: b.put((byte) t.longs()[i]); break;
        case INT16: case UINT16: b.putShort((short) t.longs()[i]); break;
        case INT32: case UINT32: b.putInt((int) t.longs()[i]); break;
        case INT64: b.putLong(t.longs()[i]); break;
        default: throw new IllegalStateException("unhandled " + t.dtype());
      }
    }
    return b.array();
  }

  private static Tensor decodeTyped(DType dtype, int[] shape, int n, TensorProto p) {
    int have;
    switch (dtype) {
      case FLOAT32: have = p.getFloatDataCount(); break;
      case INT64: have = p.getInt64DataCount(); break;
      case UINT32: have = p.getUint64DataCount(); break;
      default: have = p.getInt32DataCount();
    }
    if (have != n) {
      throw new IllegalArgumentException("shape " + Shapes.format(shape) + " needs " + n
          + " values, the tensor holds " + have);
    }
    if (dtype == DType.FLOAT32) {
      float[] f = new float[n];
      for (int i = 0; i < n; i++) {
        f[i] = p.getFloatData(i);
      }
      return Tensor.ofFloats(shape, f);
    }
    long[] l = new long[n];
    for (int i = 0; i < n; i++) {
      l[i] = dtype == DType.INT64 ? p.getInt64Data(i)
          : dtype == DType.UINT32 ? p.getUint64Data(i) : p.getInt32Data(i);
    }
    return Tensor.ofLongs(dtype, shape, l);
  }

  /** Encodes {@code t} with a raw little-endian payload. */
  public static TensorProto encode(Tensor t, String name) {
    TensorProto.Builder pb = TensorProto.newBuilder().setName(name).setDataType(t.dtype().onnxCode())
        .setRawData(ByteString.copyFrom(toLittleEndian(t)));
    for (int d : t.shape()) {
      pb.addDims(d);
    }
    return pb.build();
  }
}
