package dev.tenax.kernels;

import dev.tenax.quant.Requantize;

/**
 * The int8 depthwise 2-D convolution, specification of {@code tx_depthwise_conv2d_s8}: NHWC input,
 * weights {@code [1][kh][kw][outC]} with {@code outC = inC * channelMultiplier}, output channel
 * {@code ic * channelMultiplier + m} reading input channel {@code ic}, as TFLite's int8 reference
 * kernel. Padded positions are skipped; the accumulator wraps in int32.
 */
public final class DepthwiseConv2dS8 {
  private DepthwiseConv2dS8() {}

  /**
   * Mirrors {@code tx_depthwise_conv2d_s8_params}. The bottom and right pads follow from the
   * output shape.
   *
   * @param inputOffset minus the input zero point
   * @param outputOffset the output zero point
   */
  public record Params(int strideH, int strideW, int dilationH, int dilationW, int padTop,
      int padLeft, int channelMultiplier, int inputOffset, int outputOffset, int actMin,
      int actMax, int[] multipliers, int[] shifts) {
    /** The same call with another top padding (a row tile's). */
    public Params withPadTop(int pad) {
      return new Params(strideH, strideW, dilationH, dilationW, pad, padLeft, channelMultiplier,
          inputOffset, outputOffset, actMin, actMax, multipliers, shifts);
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
  public static byte[] run(Params p, int[] inShape, byte[] input, int[] filterShape, byte[] filter,
      int[] bias, int[] outShape) {
    Shapes4.checkWindow2d(inShape, filterShape, outShape, p.strideH(), p.strideW(), p.dilationH(),
        p.dilationW(), p.padTop(), p.padLeft());
    int inC = inShape[3];
    int outC = outShape[3];
    int mult = p.channelMultiplier();
    if (mult <= 0 || filterShape[0] != 1 || (long) inC * mult != outC || filterShape[3] != outC) {
      throw new IllegalArgumentException("inconsistent channel counts");
    }
    Shapes4.checkOutputS8(p.outputOffset(), p.actMin(), p.actMax());
    Shapes4.checkTensors(input, inShape, filter, filterShape, p.multipliers(), p.shifts(), bias,
        outC);

    int inH = inShape[1];
    int inW = inShape[2];
    int kh = filterShape[1];
    int kw = filterShape[2];
    byte[] out = new byte[(int) Shapes4.size(outShape)];
    for (int b = 0; b < outShape[0]; b++) {
      for (int oy = 0; oy < outShape[1]; oy++) {
        for (int ox = 0; ox < outShape[2]; ox++) {
          for (int ic = 0; ic < inC; ic++) {
            for (int m = 0; m < mult; m++) {
              int oc = ic * mult + m;
              int acc = bias != null ? bias[oc] : 0;
              for (int ky = 0; ky < kh; ky++) {
                int iy = oy * p.strideH() - p.padTop() + ky * p.dilationH();
                for (int kx = 0; kx < kw; kx++) {
                  int ix = ox * p.strideW() - p.padLeft() + kx * p.dilationW();
                  if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) {
                    continue;
                  }
                  int x = input[((b * inH + iy) * inW + ix) * inC + ic] + p.inputOffset();
                  acc += x * filter[(ky * kw + kx) * outC + oc];
                }
              }
              out[((b * outShape[1] + oy) * outShape[2] + ox) * outC + oc] = (byte) Requantize.s8(
                  acc, p.multipliers()[oc], p.shifts()[oc], p.outputOffset(), p.actMin(),
                  p.actMax());
            }
          }
        }
      }
    }
    return out;
  }
}
