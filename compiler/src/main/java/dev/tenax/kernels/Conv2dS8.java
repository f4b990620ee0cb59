package dev.tenax.kernels;

import dev.tenax.quant.Requantize;

/**
 * The int8 2-D convolution, specification of {@code tx_conv2d_s8}: NHWC input, OHWI weights with
 * {@code in_c / groups} channels, int32 bias, per-output-channel requantization, as TFLite's int8
 * reference kernel (grouped convolution split like ONNX Conv {@code group}). Padded positions are
 * skipped: padding holds the input zero point, which the input offset turns into 0. The
 * accumulator wraps in int32 like the Cortex-M code does.
 */
public final class Conv2dS8 {
  private Conv2dS8() {}

  /**
   * Mirrors {@code tx_conv2d_s8_params}. The bottom and right pads follow from the output shape.
   *
   * @param inputOffset minus the input zero point
   * @param outputOffset the output zero point
   */
  public record Params(int strideH, int strideW, int dilationH, int dilationW, int padTop,
      int padLeft, int groups, int inputOffset, int outputOffset, int actMin, int actMax,
      int[] multipliers, int[] shifts) {
    /** The same call with another top padding (a row tile's). */
    public Params withPadTop(int pad) {
      return new Params(strideH, strideW, dilationH, dilationW, pad, padLeft, groups, inputOffset,
          outputOffset, actMin, actMax, multipliers, shifts);
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
  public static byte[] run(Params p, int[] inShape, byte[] input, int[] filterShape, byte[] filter,
      int[] bias, int[] outShape) {
    Shapes4.checkWindow2d(inShape, filterShape, outShape, p.strideH(), p.strideW(), p.dilationH(),
        p.dilationW(), p.padTop(), p.padLeft());
    int outC = outShape[3];
    int fc = filterShape[3];
    if (p.groups() <= 0 || outC != filterShape[0] || outC % p.groups() != 0
        || (long) fc * p.groups() != inShape[3]) {
      throw new IllegalArgumentException("inconsistent channel or group counts");
    }
    Shapes4.checkOutputS8(p.outputOffset(), p.actMin(), p.actMax());
    Shapes4.checkTensors(input, inShape, filter, filterShape, p.multipliers(), p.shifts(), bias,
        outC);

    int inH = inShape[1];
    int inW = inShape[2];
    int inC = inShape[3];
    int kh = filterShape[1];
    int kw = filterShape[2];
    int perGroup = outC / p.groups();
    byte[] out = new byte[(int) Shapes4.size(outShape)];
    for (int b = 0; b < outShape[0]; b++) {
      for (int oy = 0; oy < outShape[1]; oy++) {
        for (int ox = 0; ox < outShape[2]; ox++) {
          for (int oc = 0; oc < outC; oc++) {
            int ic0 = (oc / perGroup) * fc;
            int acc = bias != null ? bias[oc] : 0;
            for (int ky = 0; ky < kh; ky++) {
              int iy = oy * p.strideH() - p.padTop() + ky * p.dilationH();
              for (int kx = 0; kx < kw; kx++) {
                int ix = ox * p.strideW() - p.padLeft() + kx * p.dilationW();
                if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) {
                  continue;
                }
                for (int ic = 0; ic < fc; ic++) {
                  int x = input[((b * inH + iy) * inW + ix) * inC + ic0 + ic] + p.inputOffset();
                  acc += x * filter[((oc * kh + ky) * kw + kx) * fc + ic];
                }
              }
            }
            out[((b * outShape[1] + oy) * outShape[2] + ox) * outC + oc] = (byte) Requantize.s8(
                acc, p.multipliers()[oc], p.shifts()[oc], p.outputOffset(), p.actMin(), p.actMax());
          }
        }
      }
    }
    return out;
  }
}
