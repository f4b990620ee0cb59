package dev.tenax.kernels;

class QuantizeF32S8Test extends QuantizeF32Cases {
  QuantizeF32S8Test() {
    super(8, (scale, zeroPoint, x) ->
        IntArrays.widen(QuantizeF32S8.run(new QuantizeF32S8.Params(scale, zeroPoint), x)));
  }
}
