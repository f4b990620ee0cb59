package dev.tenax.kernels;

import dev.tenax.quant.Requantize;

/**
 * The 16x8 depthwise 2-D convolution, specification of {@code tx_depthwise_conv2d_s16}: int16
 * NHWC input, int8 weights {@code [1][kh][kw][outC]} with {@code outC = inC * channelMultiplier}
 * (output channel {@code ic * channelMultiplier + m} reads input channel {@code ic}), optional
 * int64 bias, int64 accumulation and the 64-bit requantization with reduced (Q15) multipliers, as
 * CMSIS-NN's {@code arm_depthwise_conv_s16}. Zero points are 0; padded positions are skipped.
 * The accumulator range is {@link Conv2dS16}'s.
 */
public final class DepthwiseConv2dS16 {
  private DepthwiseConv2dS16() {}

  /**
   * Mirrors {@code tx_depthwise_conv2d_s16_params}. The bottom and right pads follow from the
   * output shape.
   *
   * @param multipliers reduced (Q15) multipliers per output channel
   */
  public record Params(int strideH, int strideW, int dilationH, int dilationW, int padTop,
      int padLeft, int channelMultiplier, int actMin, int actMax, int[] multipliers,
      int[] shifts) {
    /** The same call with another top padding (a row tile's). */
    public Params withPadTop(int pad) {
      return new Params(strideH, strideW, dilationH, dilationW, pad, padLeft, channelMultiplier, actMin,
          actMax, multipliers, shifts);
    }
  }

  /**
   * Runs the kernel.
   *
   * @param inShape NHWC {@code (n, h, w, inC)}
   * @param filterShape {@code (1, kh, kw, outC)}
   * @param bias {@code [outC]}, or null for none
   * @param outShape {@code (n, outH, outW, outC)}, as the compiler computed it
   * @throws IllegalArgumentException where the C kernel returns {@code TX_ERR_ARGUMENT}
   */
  public static short[] run(Params p, int[] inShape, short[] input, int[] filterShape,
      byte[] filter, long[] bias, int[] outShape) {
    Shapes4.checkWindow2d(inShape, filterShape, outShape, p.strideH(), p.strideW(), p.dilationH(),
        p.dilationW(), p.padTop(), p.padLeft());
    int inC = inShape[3];
    int outC = outShape[3];
    int mult = p.channelMultiplier();
    if (mult <= 0 || filterShape[0] != 1 || (long) inC * mult != outC || filterShape[3] != outC) {
      throw new IllegalArgumentException("inconsistent channel counts");
    }
    S16Args.checkOutput(p.actMin(), p.actMax());
    S16Args.checkTensors(input, inShape, filter, filterShape, p.multipliers(), p.shifts(), bias,
        outC);

    int inH = inShape[1];
    int inW = inShape[2];
    int kh = filterShape[1];
    int kw = filterShape[2];
    short[] out = new short[(int) Shapes4.size(outShape)];
    for (int b = 0; b < outShape[0]; b++) {
      for (int oy = 0; oy < outShape[1]; oy++) {
        for (int ox = 0; ox < outShape[2]; ox++) {
          for (int ic = 0; ic < inC; ic++) {
            for (int m = 0; m < mult; m++) {
              int oc = ic * mult + m;
              long acc = bias != null ? bias[oc] : 0;
              for (int ky = 0; ky < kh; ky++) {
                int iy = oy * p.strideH() - p.padTop() + ky * p.dilationH();
                for (int kx = 0; kx < kw; kx++) {
                  int ix = ox * p.strideW() - p.padLeft() + kx * p.dilationW();
                  if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) {
                    continue;
                  }
                  acc += input[((b * inH + iy) * inW + ix) * inC + ic]
                      * filter[(ky * kw + kx) * outC + oc];
                }
              }
              out[((b * outShape[1] + oy) * outShape[2] + ox) * outC + oc] = (short)
                  Requantize.s64ToS16(acc, p.multipliers()[oc], p.shifts()[oc], 0, p.actMin(),
                      p.actMax());
            }
          }
        }
      }
    }
    return out;
  }
}
