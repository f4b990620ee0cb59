package dev.tenax.kernels;

class DequantizeS8F32Test extends DequantizeCases {
  DequantizeS8F32Test() {
    super(8, (scale, zeroPoint, q) ->
        DequantizeS8F32.run(new DequantizeS8F32.Params(scale, zeroPoint), IntArrays.bytes(q)),
        (r, n) -> IntArrays.widen(RandomQuant.bytes(r, n)));
  }
}
