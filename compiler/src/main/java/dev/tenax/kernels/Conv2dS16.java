package dev.tenax.kernels;

import dev.tenax.quant.Requantize;

/**
 * The 16x8 2-D convolution, specification of {@code tx_conv2d_s16}: int16 NHWC input (symmetric,
 * zero point 0), int8 OHWI weights with {@code in_c / groups} channels (symmetric per output
 * channel), optional int64 bias, accumulation in int64 and requantization with the reduced (Q15)
 * multiplier of the 64-bit path, as CMSIS-NN's {@code arm_convolve_s16}. The output zero point is
 * 0 as well, so there are no offsets; padded positions contribute 0 and are skipped.
 *
 * <p>The accumulator (bias plus products) must stay inside [-2^47, 2^47), the range of
 * {@code arm_nn_requantize_s64}; Java throws beyond it, C does not check. Real layers stay far
 * inside: every product is at most 2^22.
 */
public final class Conv2dS16 {
  private Conv2dS16() {}

  /**
   * Mirrors {@code tx_conv2d_s16_params}. The bottom and right pads follow from the output shape.
   *
   * @param multipliers reduced (Q15) multipliers, {@code QuantizedMultiplier.reduced()}, per
   *     output channel
   * @param shifts shifts per output channel, at most {@code QuantizedMultiplier.MAX_SHIFT_S64}
   */
  public record Params(int strideH, int strideW, int dilationH, int dilationW, int padTop,
      int padLeft, int groups, int actMin, int actMax, int[] multipliers, int[] shifts) {
    /** The same call with another top padding (a row tile's). */
    public Params withPadTop(int pad) {
      return new Params(strideH, strideW, dilationH, dilationW, pad, padLeft, groups, actMin, actMax,
          multipliers, shifts);
    }
  }

  /**
   * Runs the kernel.
   *
   * @param inShape NHWC {@code (n, h, w, inC)}
   * @param filterShape {@code (outC, kh, kw, inC / groups)}
   * @param bias {@code [outC]}, or null for none
   * @param outShape {@code (n, outH, outW, outC)}, as the compiler computed it
   * @throws IllegalArgumentException where the C kernel returns {@code TX_ERR_ARGUMENT}
   */
  public static short[] run(Params p, int[] inShape, short[] input, int[] filterShape,
      byte[] filter, long[] bias, int[] outShape) {
    Shapes4.checkWindow2d(inShape, filterShape, outShape, p.strideH(), p.strideW(), p.dilationH(),
        p.dilationW(), p.padTop(), p.padLeft());
    int outC = outShape[3];
    int fc = filterShape[3];
    if (p.groups() <= 0 || outC != filterShape[0] || outC % p.groups() != 0
        || (long) fc * p.groups() != inShape[3]) {
      throw new IllegalArgumentException("inconsistent channel or group counts");
    }
    S16Args.checkOutput(p.actMin(), p.actMax());
    S16Args.checkTensors(input, inShape, filter, filterShape, p.multipliers(), p.shifts(), bias,
        outC);

    int inH = inShape[1];
    int inW = inShape[2];
    int inC = inShape[3];
    int kh = filterShape[1];
    int kw = filterShape[2];
    int perGroup = outC / p.groups();
    short[] out = new short[(int) Shapes4.size(outShape)];
    for (int b = 0; b < outShape[0]; b++) {
      for (int oy = 0; oy < outShape[1]; oy++) {
        for (int ox = 0; ox < outShape[2]; ox++) {
          for (int oc = 0; oc < outC; oc++) {
            int ic0 = (oc / perGroup) * fc;
            long acc = bias != null ? bias[oc] : 0;
            for (int ky = 0; ky < kh; ky++) {
              int iy = oy * p.strideH() - p.padTop() + ky * p.dilationH();
              for (int kx = 0; kx < kw; kx++) {
                int ix = ox * p.strideW() - p.padLeft() + kx * p.dilationW();
                if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) {
                  continue;
                }
                for (int ic = 0; ic < fc; ic++) {
                  acc += input[((b * inH + iy) * inW + ix) * inC + ic0 + ic]
                      * filter[((oc * kh + ky) * kw + kx) * fc + ic];
                }
              }
            }
            out[((b * outShape[1] + oy) * outShape[2] + ox) * outC + oc] = (short)
                Requantize.s64ToS16(acc, p.multipliers()[oc], p.shifts()[oc], 0, p.actMin(),
                    p.actMax());
          }
        }
      }
    }
    return out;
  }
}
