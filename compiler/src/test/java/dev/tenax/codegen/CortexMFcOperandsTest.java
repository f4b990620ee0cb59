package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.kernels.FullyConnectedS8;
import dev.tenax.target.Targets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The widened rows of the Cortex-M DSP fully-connected kernel, computed the way its asm does
 * (SMLAD on int16 pairs wrapping in int32, SMMLA's high word plus C, ASR by k, SSAT to int8, the
 * clamp), give the evaluator's outputs: rows of 8 to 256 inputs, every shift of the output stage
 * (-23 to -2), per-tensor and per-channel scales, extreme zero points, inputs and weights, with
 * and without a bias and a clamp.
 */
class CortexMFcOperandsTest {
  @Test
  void kernelOnWidenedRowsEqualsTheEvaluator() {
    Random r = new Random(0xF00D_4L);
    for (int c = 0; c < 2000; c++) {
      int n = c % 3 == 0 ? 8 : 32 * (1 + r.nextInt(8));
      int out = 1 + r.nextInt(12);
      int zp = c % 4 == 0 ? -128 : c % 4 == 1 ? 127 : r.nextInt(256) - 128;
      int inputOffset = c % 5 == 0 ? 128 : c % 5 == 1 ? -127 : r.nextInt(256) - 127;
      int[] mult = new int[out];
      int[] shift = new int[out];
      for (int o = 0; o < out; o++) {
        boolean perTensor = c % 2 == 0 && o > 0;
        mult[o] = perTensor ? mult[0] : (1 << 30) + r.nextInt(1 << 30);
        shift[o] = perTensor ? shift[0] : -2 - (c + r.nextInt(3)) % 22; // every shift in [-23, -2]
      }
      int actMin = c % 3 == 1 ? -128 + r.nextInt(60) : -128;
      int actMax = c % 3 == 1 ? 127 - r.nextInt(60) : 127;
      FullyConnectedS8.Params p = new FullyConnectedS8.Params(inputOffset, zp, actMin, actMax, mult, shift);
      byte[] x = Msp430FcOperandsTest.extremes(r, n, c);
      byte[] w = Msp430FcOperandsTest.extremes(r, out * n, c + 1);
      int[] bias = c % 7 == 0 ? null : r.ints(out, -(1 << 20), 1 << 20).toArray();
      byte[] want = FullyConnectedS8.run(p, new int[] {1, 1, 1, n}, x, w, bias, new int[] {1, 1, 1, out});
      int[] rows = CortexMFcOperands.rows(w, bias, n, mult, shift, zp);
      assertEquals(out * (n / 2 + 4), rows.length);
      for (int o = 0; o < out; o++) {
        assertEquals(want[o], kernel(x, inputOffset, rows, o * (n / 2 + 4), n, actMin, actMax),
            "case " + c + ", output " + o + ", shift " + shift[o]);
      }
    }
  }

  /** fc_wide8 / fc_wide_pairs / fc_wide_tail on one row, step by step, in Java. */
  private static int kernel(byte[] x, int offset, int[] rows, int at, int n, int actMin, int actMax) {
    int acc = rows[at++];
    for (int g = 0; g < n; g += 4) {
      int x02 = at;
      acc += (x[g] + offset) * lo(rows[x02]) + (x[g + 2] + offset) * hi(rows[x02]);
      acc += (x[g + 1] + offset) * lo(rows[x02 + 1]) + (x[g + 3] + offset) * hi(rows[x02 + 1]);
      at += 2;
    }
    int m = rows[at];
    int cTerm = rows[at + 1];
    int k = rows[at + 2];
    int v = (cTerm + (int) (((long) acc * m) >> 32)) >> k;
    v = Math.max(-128, Math.min(127, v));
    return Math.max(actMin, Math.min(actMax, v));
  }

  private static int lo(int word) {
    return (short) word;
  }

  private static int hi(int word) {
    return word >> 16;
  }

  @Test
  void rowsHoldBiasWeightPairsAndTheOutputStage() {
    byte[] w = {1, 2, 3, 4, -5, 6, -7, 8};
    int[] rows = CortexMFcOperands.rows(w, new int[] {9}, 8, new int[] {1 << 30}, new int[] {-4}, -3);
    int k = 3; // -1 - shift
    assertArrayEquals(new int[] {9, 1 | (3 << 16), 2 | (4 << 16), 0xFFFB | (-7 << 16), 6 | (8 << 16),
        1 << 30, (2 * -3 + 1) << (k - 1), k}, rows);
  }

  /** Rows of a tile, converted, are the whole's converted rows: tiles may point into the whole. */
  @Test
  void conversionIsRowWise() {
    Random r = new Random(9);
    int n = 32;
    byte[] w = new byte[6 * n];
    r.nextBytes(w);
    int[] bias = r.ints(6).toArray();
    int[] mult = r.ints(6, 1 << 30, Integer.MAX_VALUE).toArray();
    int[] shift = {-2, -5, -9, -23, -12, -7};
    int[] whole = CortexMFcOperands.rows(w, bias, n, mult, shift, 5);
    int words = n / 2 + 4;
    assertArrayEquals(Arrays.copyOfRange(whole, 2 * words, 5 * words),
        CortexMFcOperands.rows(Arrays.copyOfRange(w, 2 * n, 5 * n), Arrays.copyOfRange(bias, 2, 5), n,
            Arrays.copyOfRange(mult, 2, 5), Arrays.copyOfRange(shift, 2, 5), 5));
  }

  @Test
  void onlySmallLayersOfRowsOf8OrMultiplesOf32WithStageShiftsFit() {
    assertTrue(CortexMFcOperands.fits(8, 8 * 128, new int[] {-2, -23}));
    assertTrue(CortexMFcOperands.fits(256, 256 * 8, new int[] {-9}));
    assertFalse(CortexMFcOperands.fits(16, 16 * 4, new int[] {-9}), "rows of 16 keep the int8 blocks");
    assertFalse(CortexMFcOperands.fits(4, 16, new int[] {-9}));
    assertFalse(CortexMFcOperands.fits(64, 64 * 33, new int[] {-9}), "4224 bytes widened");
    assertFalse(CortexMFcOperands.fits(64, 64, new int[] {-9, -1}));
    assertFalse(CortexMFcOperands.fits(64, 64, new int[] {-24}));
  }

  @Test
  void onlyCoresWithTheDspKernelGetIt() {
    for (String t : new String[] {"cortex-m4", "cortex-m7", "cortex-m33"}) {
      assertTrue(CortexMFcOperands.appliesTo(Targets.find(t).orElseThrow()), t);
    }
    for (String t : new String[] {"cortex-m0", "cortex-m3", "cortex-m55", "host", "msp430fr5994"}) {
      assertFalse(CortexMFcOperands.appliesTo(Targets.find(t).orElseThrow()), t);
    }
  }

  @Test
  void shiftsOutsideTheStageAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> CortexMFcOperands.rows(new byte[8], null, 8, new int[] {1}, new int[] {-1}, 0));
    assertThrows(IllegalArgumentException.class,
        () -> CortexMFcOperands.rows(new byte[12], null, 6, new int[] {1, 1}, new int[] {-5, -5}, 0));
  }
}
