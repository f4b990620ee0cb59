package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorData;
import dev.tenax.ir.TensorType;

/**
 * Tensors as the firmware harnesses hold them: raw little-endian elements of the input's or
 * output's type (float32, or int8/int16 in a build compiled with --io=quantized), row-major.
 */
final class HarnessTensors {
  private HarnessTensors() {}

  /** The bytes of input {@code name}, which must have type {@code want}. */
  static byte[] input(String name, Tensor t, TensorType want) throws UsageException {
    if (t == null || !t.type().equals(want)) {
      throw new UsageException("input '" + name + "' must be " + want + (t == null ? "" : ", not " + t.type()));
    }
    return TensorData.littleEndian(t);
  }

  /** Output {@code what} of {@code type} read back from the {@code raw} bytes the harness wrote. */
  static Tensor output(String what, TensorType type, byte[] raw) throws QemuRun.FirmwareException {
    if (raw.length != type.bytes()) {
      throw new QemuRun.FirmwareException(what + " has " + raw.length + " bytes, expected " + type.bytes() + " (" + type + ")");
    }
    return TensorData.fromLittleEndian(type, raw);
  }
}
