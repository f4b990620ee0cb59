package dev.tenax.kernels;

class QuantizeF32S16Test extends QuantizeF32Cases {
  QuantizeF32S16Test() {
    super(16, (scale, zeroPoint, x) ->
        IntArrays.widen(QuantizeF32S16.run(new QuantizeF32S16.Params(scale, zeroPoint), x)));
  }
}
