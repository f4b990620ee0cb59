package dev.tenax.codegen;

import dev.tenax.kernels.SoftmaxS8;
import dev.tenax.quant.FixedPoint;
import dev.tenax.quant.GemmlowpFixedPoint;
import dev.tenax.quant.Requantize;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A C test program for the MSP430 hardware-multiplier kernels (runtime-c/msp430-hwmult/src),
 * run under mspdebug sim by {@link Msp430KernelsRunTest}:
 * <ul>
 *   <li>tx_hw_requantize_s8 on edge and random vectors against the results Java's
 *       {@link Requantize#s8} computed, as const tables in FRAM (mismatches counted);
 *   <li>three measured kernel calls, each between tenax_begin and tenax_end: a dense layer whose
 *       row fits the int16 copy (128 inputs x 32 outputs), two whose rows do not (256 x 16,
 *       512 x 8), and a 3x3 convolution (8 -> 16 channels, 6x6, pad 1), with random weights in FRAM.
 * </ul>
 * tenax_result = {failures, first failing vector, 0x7E57}.
 *
 * {@link #softmaxSource} is a second program of the same form (the tables do not fit beside the
 * first's): the int8 softmax's arithmetic on the multiplier, tx_hw_sat_rounding_doubling_high_mul
 * in tx_gemmlowp.h's functions, against {@link FixedPoint} and {@link GemmlowpFixedPoint}: the
 * product on edge and random operands (failing vectors numbered from 100000), the exponential of
 * every difference in [-255, 0] for the softmax parameters of real models and extremes (200000 +
 * 256 * set + |difference|), and the reciprocal on edge and random sums (300000).
 */
final class Msp430KernelFirmware {
  /** The measured calls, in order, and their multiply-accumulates. */
  static final List<String> BENCHES = List.of("fully connected 128 -> 32", "fully connected 256 -> 16",
      "fully connected 512 -> 8", "conv 3x3, 6x6x8 -> 16, pad 1");
  static final long[] BENCH_MACS = {128 * 32, 256 * 16, 512 * 8, 6L * 6 * 16 * 9 * 8};

  private final Random rnd;

  Msp430KernelFirmware(long seed) {
    this.rnd = new Random(seed);
  }

  String source() {
    List<long[]> vectors = requantVectors();
    StringBuilder t = new StringBuilder();
    t.append("static const int32_t rq[").append(vectors.size()).append("][7] = {\n");
    for (long[] v : vectors) {
      t.append("    {").append(c(v[0])).append(", ").append(c(v[1])).append(", ").append(v[2]).append(", ")
          .append(v[3]).append(", ").append(v[4]).append(", ").append(v[5]).append(", ").append(v[6]).append("},\n");
    }
    t.append("};\n\n");
    t.append(bytes("data_in", 512)).append(bytes("data_w", 4096)).append(int32s("bias", 32, 1 << 14))
        .append(int32s("mults", 32, 0)).append(int32s("shifts", 32, -1));
    return """
        #include <stdint.h>
        #include "tenax_msp430.h"
        #include "tx_conv2d_s8.h"
        #include "tx_fully_connected_s8.h"
        #include "tx_msp430_hwmult.h"

        volatile int32_t tenax_result[3];
        int8_t out[576];

        """ + t + """
        /* Constant, so that no initialization calls memcpy (there is no libc). */
        static const tx_fully_connected_s8_params fc = {-3, 5, -128, 127, mults, shifts};
        static const tx_conv2d_s8_params cv = {1, 1, 1, 1, 1, 1, 1, 128, -128, -128, 127, mults, shifts};
        static const tx_shape4 in1 = {1, 1, 1, 128}, out1 = {1, 1, 1, 32};
        static const tx_shape4 in2 = {1, 1, 1, 256}, out2 = {1, 1, 1, 16};
        static const tx_shape4 in3 = {1, 1, 1, 512}, out3 = {1, 1, 1, 8};
        static const tx_shape4 cin = {1, 6, 6, 8}, cf = {16, 3, 3, 8}, cout = {1, 6, 6, 16};

        int main(void)
        {
            int32_t failures = 0, first = -1;
            uint16_t i;
            int16_t status = 0;
            for (i = 0u; i < sizeof rq / sizeof rq[0]; i++) {
                tx_hw_requant q;
                int8_t got;
                tx_hw_requant_init(&q, &rq[i][1], &rq[i][2], rq[i][3], rq[i][4], rq[i][5]);
                got = tx_hw_requantize_s8(&q, rq[i][0]);
                if (got != rq[i][6] && failures++ == 0) {
                    first = (int32_t)i;
                }
            }
            tenax_begin();
            status = (int16_t)(status | tx_fully_connected_s8(&fc, &in1, data_in, data_w, bias, &out1, out));
            tenax_end();
            tenax_begin();
            status = (int16_t)(status | tx_fully_connected_s8(&fc, &in2, data_in, data_w, bias, &out2, out));
            tenax_end();
            tenax_begin();
            status = (int16_t)(status | tx_fully_connected_s8(&fc, &in3, data_in, data_w, bias, &out3, out));
            tenax_end();
            tenax_begin();
            status = (int16_t)(status | tx_conv2d_s8(&cv, &cin, data_in, &cf, data_w, bias, &cout, out));
            tenax_end();
            tenax_result[0] = failures;
            tenax_result[1] = first;
            tenax_result[2] = status == 0 ? 0x7E57 : status;
            return 0;
        }
        """;
  }

  String softmaxSource() {
    return """
        #include <stdint.h>
        #include "tenax_msp430.h"
        #include "tx_msp430_hwmult.h"

        #define TX_GEMMLOWP_HIGH_MUL tx_hw_sat_rounding_doubling_high_mul
        #include "tx_gemmlowp.h"

        volatile int32_t tenax_result[3];

        """ + softmaxTables() + """
        int main(void)
        {
            int32_t failures = 0, first = -1;
            uint16_t i;
        """ + CHECKS + """
            tenax_result[0] = failures;
            tenax_result[1] = first;
            tenax_result[2] = 0x7E57;
            return 0;
        }
        """;
  }

  private static final String CHECKS = """
            for (i = 0u; i < sizeof hm / sizeof hm[0]; i++) {
                if (tx_hw_sat_rounding_doubling_high_mul(hm[i][0], hm[i][1]) != hm[i][2] && failures++ == 0) {
                    first = INT32_C(100000) + (int32_t)i;
                }
            }
            for (i = 0u; i < sizeof ex / sizeof ex[0]; i++) {
                uint16_t d;
                for (d = 0u; d < 256u; d++) {
                    const int32_t shifted = tx_wrap_s32((uint32_t)-(int32_t)d << ex_params[i][1]);
                    const int32_t e = tx_exp_on_negative_values(TX_GEMMLOWP_HIGH_MUL(shifted, ex_params[i][0]));
                    if (e != ex[i][d] && failures++ == 0) {
                        first = INT32_C(200000) + (int32_t)i * 256 + (int32_t)d;
                    }
                }
            }
            for (i = 0u; i < sizeof rc / sizeof rc[0]; i++) {
                if (tx_one_over_one_plus_x(rc[i][0]) != rc[i][1] && failures++ == 0) {
                    first = INT32_C(300000) + (int32_t)i;
                }
            }
        """;

  /** Softmax input scales: round ones and the extremes (the smallest that int8 softmax takes, and one that caps). */
  private static final double[] SOFTMAX_SCALES = {1.0 / 256, 0.05, 0.1, 0.75, 100, Math.scalb(1.0, -27)};

  /** hm: {a, b, a * b doubled, rounded}; ex_params: {multiplier, left shift}, ex: exp of -d; rc: {x, 1 / (1 + x)}. */
  private String softmaxTables() {
    int[] edges = {0, 1, -1, 2, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, 1 << 30, -(1 << 30),
        1 << 16, -(1 << 16), 0xFFFF, 0x8000, -0x8000, 1895147668, 715827883, -1010580540};
    List<int[]> hm = new ArrayList<>();
    for (int a : edges) {
      for (int b : edges) {
        hm.add(new int[] {a, b});
      }
    }
    for (int i = 0; i < 400; i++) {
      int a = rnd.nextInt(3) == 0 ? rnd.nextInt(1 << 17) - (1 << 16) : rnd.nextInt();
      hm.add(new int[] {a, rnd.nextInt()});
    }
    StringBuilder t = new StringBuilder("static const int32_t hm[" + hm.size() + "][3] = {\n");
    for (int[] v : hm) {
      t.append("    {").append(c(v[0])).append(", ").append(c(v[1])).append(", ")
          .append(c(FixedPoint.saturatingRoundingDoublingHighMul(v[0], v[1]))).append("},\n");
    }
    t.append("};\n\n");
    // onnx-mlir-mnist's Softmax (tenax quantize --calib random), then the scales', then the range's ends
    List<SoftmaxS8.Params> params = new ArrayList<>(List.of(new SoftmaxS8.Params(1705163392, 22, -496)));
    for (double scale : SOFTMAX_SCALES) {
      params.add(SoftmaxS8.forScale(scale, 1.0));
    }
    params.add(new SoftmaxS8.Params(1 << 30, 0, 0));
    params.add(new SoftmaxS8.Params(Integer.MAX_VALUE, 31, 0));
    t.append("static const int32_t ex_params[").append(params.size()).append("][2] = {\n");
    for (SoftmaxS8.Params p : params) {
      t.append("    {").append(c(p.inputMultiplier())).append(", ").append(p.inputLeftShift()).append("},\n");
    }
    t.append("};\n\nstatic const int32_t ex[").append(params.size()).append("][256] = {\n");
    for (SoftmaxS8.Params p : params) {
      t.append("    {");
      for (int d = 0; d < 256; d++) {
        int scaled = FixedPoint.saturatingRoundingDoublingHighMul(-d << p.inputLeftShift(), p.inputMultiplier());
        t.append(d % 6 == 0 ? "\n     " : " ").append(c(GemmlowpFixedPoint.expOnNegativeValues(scaled))).append(',');
      }
      t.append("},\n");
    }
    t.append("};\n\n");
    List<Integer> xs = new ArrayList<>(List.of(0, 1, Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 1 << 30, 0x7FFF, 0x8000));
    for (int i = 0; i < 100; i++) {
      xs.add(rnd.nextInt() & Integer.MAX_VALUE);
    }
    t.append("static const int32_t rc[").append(xs.size()).append("][2] = {\n");
    for (int x : xs) {
      t.append("    {").append(c(x)).append(", ").append(c(GemmlowpFixedPoint.oneOverOnePlusXForXIn01(x))).append("},\n");
    }
    return t.append("};\n\n").toString();
  }

  /** {acc, multiplier, shift, zero point, act min, act max, expected}: edges crossed, then random. */
  private List<long[]> requantVectors() {
    int[] accs = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 123_456, -123_457, 1 << 16, -(1 << 16) - 1};
    int[] mults = {0, 1, 1 << 30, Integer.MAX_VALUE, 1_518_500_250};
    int[] shifts = {-31, -20, -1, 0, 1, 15, 30};
    List<long[]> v = new ArrayList<>();
    for (int a : accs) {
      for (int m : mults) {
        for (int s : shifts) {
          v.add(vector(a, m, s));
        }
      }
    }
    for (int i = 0; i < 300; i++) {
      int a = rnd.nextInt(4) == 0 ? rnd.nextInt() : rnd.nextInt(1 << 20) - (1 << 19);
      int m = (1 << 30) + rnd.nextInt(1 << 30);
      int s = rnd.nextInt(3) == 0 ? rnd.nextInt(62) - 31 : -rnd.nextInt(16);
      v.add(vector(a, m, s));
    }
    return v;
  }

  private long[] vector(int acc, int m, int shift) {
    int zp = new int[] {-128, 0, 127, rnd.nextInt(256) - 128}[rnd.nextInt(4)];
    int lo = rnd.nextBoolean() ? -128 : rnd.nextInt(100) - 128;
    int hi = rnd.nextBoolean() ? 127 : 127 - rnd.nextInt(100);
    return new long[] {acc, m, shift, zp, lo, hi, Requantize.s8(acc, m, shift, zp, lo, hi)};
  }

  private static String c(long v) {
    return v == Integer.MIN_VALUE ? "INT32_MIN" : "INT32_C(" + v + ")";
  }

  private String bytes(String name, int n) {
    StringBuilder b = new StringBuilder("static const int8_t " + name + "[" + n + "] = {");
    for (int i = 0; i < n; i++) {
      b.append(i % 24 == 0 ? "\n    " : " ").append(rnd.nextInt(256) - 128).append(',');
    }
    return b.append("\n};\n\n").toString();
  }

  /** kind > 0: biases in +-kind; 0: multipliers in [2^30, 2^31); -1: shifts in [-10, -6]. */
  private String int32s(String name, int n, int kind) {
    StringBuilder b = new StringBuilder("static const int32_t " + name + "[" + n + "] = {");
    for (int i = 0; i < n; i++) {
      long v = kind > 0 ? rnd.nextInt(2 * kind) - kind : kind == 0 ? (1L << 30) + rnd.nextInt(1 << 30)
          : -6 - rnd.nextInt(5);
      b.append(i % 6 == 0 ? "\n    " : " ").append(c(v)).append(',');
    }
    return b.append("\n};\n\n").toString();
  }
}
