package dev.tenax.kernels;

import java.util.Random;

class DequantizeS16F32Test extends DequantizeCases {
  DequantizeS16F32Test() {
    super(16, (scale, zeroPoint, q) ->
        DequantizeS16F32.run(new DequantizeS16F32.Params(scale, zeroPoint), IntArrays.shorts(q)),
        (r, n) -> IntArrays.widen(shorts(r, n)));
  }

  /** Every int16 value equally likely. */
  static short[] shorts(Random r, int n) {
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = (short) r.nextInt(1 << 16);
    }
    return s;
  }
}
