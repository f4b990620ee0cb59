package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.target.Targets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Winograd's operands, computed the way the MSP430 kernel does (widened row Y = X - 128, weights
 * read as unsigned bytes, factors checked to fit int16, int32 wrap-around), give the plain dot
 * product plus bias on random rows: odd and even lengths, one input, extreme input offsets and
 * weights, with and without a bias.
 */
class Msp430FcOperandsTest {
  @Test
  void packedDotProductEqualsThePlainOne() {
    Random r = new Random(0x5EED_0B0L);
    int[] offsets = {-127, 128, 0, 1, -32000, 32000};
    for (int c = 0; c < 3000; c++) {
      int n = c < 40 ? 1 + c % 4 : 1 + r.nextInt(300);
      int rows = 1 + r.nextInt(4);
      int offset = c % 7 < offsets.length ? offsets[c % 7] : r.nextInt(256) - 127;
      byte[] x = extremes(r, n, c);
      byte[] w = extremes(r, rows * n, c + 1);
      int[] bias = c % 5 == 0 ? null : r.ints(rows).toArray();
      byte[] u = Msp430FcOperands.weights(w);
      int[] packedBias = Msp430FcOperands.bias(bias, w, n);
      for (int o = 0; o < rows; o++) {
        int plain = bias == null ? 0 : bias[o];
        for (int i = 0; i < n; i++) {
          plain += (x[i] + offset) * w[o * n + i];
        }
        assertEquals(plain, kernel(x, offset, u, o * n, n, packedBias[o]), "case " + c + ", row " + o);
      }
    }
  }

  /** The C kernel's computation, step by step, in Java (int adds wrap as MACS's do). */
  private static int kernel(byte[] x, int offset, byte[] u, int row, int n, int bias) {
    short[] y = new short[n];
    int inputPairs = 0;
    for (int i = 0; i < n; i++) {
      y[i] = int16(x[i] + offset - 128);
      if (i % 2 == 1) {
        inputPairs += int16(x[i - 1] + offset) * int16(x[i] + offset);
      }
    }
    int acc = bias - inputPairs;
    for (int k = 0; 2 * k + 1 < n; k++) {
      acc += int16(y[2 * k] + (u[row + 2 * k + 1] & 0xFF)) * int16(y[2 * k + 1] + (u[row + 2 * k] & 0xFF));
    }
    if (n % 2 == 1) {
      acc += int16(y[n - 1] + 128) * int16((u[row + n - 1] & 0xFF) - 128);
    }
    return acc;
  }

  /** {@code v} as a 16-bit multiplier operand, which it must be without wrapping. */
  private static short int16(int v) {
    assertTrue(v >= Short.MIN_VALUE && v <= Short.MAX_VALUE, v + " does not fit a 16-bit operand");
    return (short) v;
  }

  /** Random bytes, every other call all -128 or all 127 in stretches (CortexMFcOperandsTest's too). */
  static byte[] extremes(Random r, int n, int c) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    if (c % 3 == 0) {
      Arrays.fill(b, 0, n / 2, (byte) (c % 2 == 0 ? -128 : 127));
    }
    return b;
  }

  /** Rows of a tile, converted, are the whole's converted rows: tiles may point into the whole. */
  @Test
  void conversionIsRowWise() {
    Random r = new Random(7);
    int n = 13;
    byte[] w = new byte[6 * n];
    r.nextBytes(w);
    int[] bias = r.ints(6).toArray();
    byte[] u = Msp430FcOperands.weights(w);
    int[] b = Msp430FcOperands.bias(bias, w, n);
    assertArrayEquals(Arrays.copyOfRange(u, 2 * n, 5 * n), Msp430FcOperands.weights(Arrays.copyOfRange(w, 2 * n, 5 * n)));
    assertArrayEquals(Arrays.copyOfRange(b, 2, 5),
        Msp430FcOperands.bias(Arrays.copyOfRange(bias, 2, 5), Arrays.copyOfRange(w, 2 * n, 5 * n), n));
  }

  @Test
  void onlyTheHardwareMultiplierPartsGetIt() {
    assertTrue(Msp430FcOperands.appliesTo(Targets.find("msp430fr5994").orElseThrow()));
    assertTrue(Msp430FcOperands.appliesTo(Targets.find("msp430fr5969").orElseThrow()));
    assertFalse(Msp430FcOperands.appliesTo(Targets.find("host").orElseThrow()));
    assertFalse(Msp430FcOperands.appliesTo(Targets.find("cortex-m4").orElseThrow()));
  }

  @Test
  void weightsThatAreNotRowsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Msp430FcOperands.bias(null, new byte[7], 3));
    assertThrows(IllegalArgumentException.class, () -> Msp430FcOperands.bias(new int[2], new byte[9], 3));
  }
}
