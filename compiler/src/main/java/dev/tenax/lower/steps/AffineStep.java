package dev.tenax.lower.steps;

import dev.tenax.lower.CArg;
import dev.tenax.lower.QuantParams;
import java.util.List;

/**
 * QuantizeLinear and DequantizeLinear calls: both kernels take the same {@code {scale,
 * zero_point}} struct and a flat element count.
 */
interface AffineStep extends UnaryStep {
  QuantParams quant();

  @Override
  default List<CArg> args() {
    return List.of(
        new CArg.Struct(kernel() + "_params", List.of(new CArg.Field("scale", quant().scale()),
            new CArg.Field("zero_point", quant().zeroPoint()))),
        new CArg.Shape(new int[] {in().buffer().elements()}), new CArg.Data(in(), false),
        new CArg.Data(out(), true));
  }
}
