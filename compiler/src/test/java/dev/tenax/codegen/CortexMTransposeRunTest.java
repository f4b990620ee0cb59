package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.kernels.TransposeS8;
import dev.tenax.qemu.BareFirmware;
import dev.tenax.target.Target;
import dev.tenax.target.Targets;
import dev.tenax.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Cortex-M transpose (runtime-c/include/tx_transpose_s8_rows.h, the arm-dsp and arm-scalar
 * variants' source: rows copied 8 bytes an iteration by Thumb-2 assembly, rows along input axis 2
 * when axis 3 is the shorter) under QEMU on the cores with Thumb-2,
 * built with the runtime's warnings: every permutation of four axes on odd shapes (rows of 11 and
 * 37 bytes, and of 37 along axis 2), the NCHW -> NHWC steps of a float NCHW input (merged and
 * unmerged, C = 1..4, widths of every residue modulo 8), NHWC -> NCHW, int16 byte pairs, sizes of
 * 1, random shapes and rejected arguments, from input and output addresses of every alignment.
 * Each case must give TransposeS8's bits and write nothing around its output (a rejected case
 * nothing at all). The host cross-check (TransposeS8Test) runs the file's portable fallback.
 */
class CortexMTransposeRunTest {
  /** Input bytes the firmware's buffers hold (compiler/src/test/c/transpose_s8_cortex_m.c). */
  private static final int MAX_BYTES = 4096;

  record Case(int[] perm, int[] shape, byte[] in) {}

  @ParameterizedTest(name = "{0}")
  @CsvSource({"cortex-m4, 41", "cortex-m7, 42", "cortex-m33, 43", "cortex-m55, 44", "cortex-m3, 45"})
  void givesTheJavaBitsOnEveryShapeAndAlignment(String target, long seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Target t = Targets.find(target).orElseThrow();
    Random r = new Random(seed);
    List<Case> cases = cases(r);
    List<int[]> offsets = new ArrayList<>();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (Case c : cases) {
      int[] off = {r.nextInt(4), r.nextInt(4)};
      offsets.add(off);
      ByteBuffer head = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
      Arrays.stream(c.perm()).forEach(head::putInt);
      Arrays.stream(c.shape()).forEach(head::putInt);
      head.putInt(off[0]).putInt(off[1]).putInt(c.in().length);
      file.write(head.array());
      file.write(c.in());
    }
    Files.write(dir.resolve("cases.bin"), file.toByteArray());

    ByteBuffer results = BareFirmware.runCases(t.qemuMachine(), "transpose_s8_cortex_m.c",
        SharedData.repoRoot().resolve("runtime-c/" + RuntimeSources.resourcePath("tx_transpose_s8.c", t)), dir,
        cases.size());
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String what = target + ", case " + i + ": perm " + Arrays.toString(c.perm()) + ", shape "
          + Arrays.toString(c.shape()) + ", offsets " + Arrays.toString(offsets.get(i));
      int status = results.getInt();
      assertEquals(1, results.getInt(), what + ": bytes around the output were written");
      results.getInt(); // ticks
      byte[] got = new byte[c.in().length];
      results.get(got);
      if (!valid(c)) {
        assertEquals(-1, status, what + " must be rejected");
        continue;
      }
      assertEquals(0, status, what);
      assertArrayEquals(TransposeS8.run(new TransposeS8.Params(c.perm()), c.shape(), c.in()), got, what);
    }
    assertEquals(0, results.remaining(), "results.bin is longer than the cases");
  }

  /**
   * Cores with the DSP extension (cortex-m55 too: arm-mve has no transpose) take the arm-dsp file,
   * the others the arm-scalar one; both hold include/tx_transpose_s8_rows.h.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"cortex-m4, arm-dsp/src", "cortex-m7, arm-dsp/src", "cortex-m33, arm-dsp/src",
      "cortex-m55, arm-dsp/src", "cortex-m3, arm-scalar/src", "cortex-m0, arm-scalar/src", "host, src"})
  void coresWithTheDspExtensionTakeIt(String target, String folder) {
    assertEquals(folder + "/tx_transpose_s8.c",
        RuntimeSources.resourcePath("tx_transpose_s8.c", Targets.find(target).orElseThrow()));
  }

  /** Every case of the class comment, about 260 of them. */
  static List<Case> cases(Random r) {
    List<Case> cases = new ArrayList<>();
    List<int[]> perms = permutations();
    for (int[] shape : List.of(new int[] {3, 5, 7, 11}, new int[] {2, 3, 5, 37}, new int[] {2, 3, 37, 5})) {
      for (int[] perm : perms) {
        cases.add(random(r, perm, shape));
      }
    }
    for (int c = 1; c <= 4; c++) {
      for (int w : new int[] {1, 7, 8, 9, 15, 16, 17, 63, 101, 1021}) {
        cases.add(random(r, new int[] {0, 1, 3, 2}, new int[] {1, 1, c, w})); // NCHW -> NHWC, merged
        cases.add(random(r, new int[] {0, 1, 3, 2}, new int[] {1, 1, w, c})); // NHWC -> NCHW, merged
      }
      cases.add(random(r, new int[] {0, 2, 3, 1}, new int[] {1, c, 5, 13})); // NCHW -> NHWC
      cases.add(random(r, new int[] {0, 2, 3, 1}, new int[] {2, c, 3, 23}));
      cases.add(random(r, new int[] {0, 3, 1, 2}, new int[] {2, 5, 7, c})); // NHWC -> NCHW
      cases.add(random(r, new int[] {0, 2, 1, 3}, new int[] {1, c, 97, 2})); // int16 NCHW -> NHWC
    }
    cases.add(random(r, new int[] {0, 1, 3, 2}, new int[] {1, 1, 3, 1365})); // VWW's step, in part
    for (int[] perm : perms) {
      cases.add(random(r, perm, new int[] {1, 1, 1, 1}));
    }
    for (int[] shape : List.of(new int[] {1, 1, 1, 9}, new int[] {9, 1, 1, 1}, new int[] {1, 9, 1, 1},
        new int[] {1, 1, 9, 1})) {
      cases.add(random(r, perms.get(r.nextInt(perms.size())), shape));
    }
    for (int i = 0; i < 60; i++) {
      int[] shape = new int[4];
      do {
        for (int d = 0; d < 4; d++) {
          shape[d] = 1 + r.nextInt(r.nextBoolean() ? 4 : 24);
        }
      } while (count(shape) > MAX_BYTES);
      cases.add(random(r, perms.get(r.nextInt(perms.size())), shape));
    }
    for (int[][] bad : new int[][][] {{{0, 1, 1, 2}, {1, 2, 3, 4}}, {{0, 1, 2, 4}, {1, 2, 3, 4}},
        {{-1, 1, 2, 3}, {1, 2, 3, 4}}, {{3, 2, 1, 0}, {1, 0, 3, 4}}, {{0, 1, 3, 2}, {1, 2, -3, 4}}}) {
      cases.add(new Case(bad[0], bad[1], new byte[0]));
    }
    return cases;
  }

  private static Case random(Random r, int[] perm, int[] shape) {
    byte[] in = new byte[count(shape)];
    r.nextBytes(in);
    return new Case(perm, shape, in);
  }

  private static int count(int[] shape) {
    return shape[0] * shape[1] * shape[2] * shape[3];
  }

  private static boolean valid(Case c) {
    return Arrays.stream(c.shape()).allMatch(d -> d > 0)
        && Arrays.equals(Arrays.stream(c.perm()).sorted().toArray(), new int[] {0, 1, 2, 3});
  }

  /** The 24 permutations of 0..3. */
  private static List<int[]> permutations() {
    List<int[]> all = new ArrayList<>();
    Stream.iterate(0, i -> i + 1).limit(256).forEach(i -> {
      int[] p = {i & 3, (i >> 2) & 3, (i >> 4) & 3, (i >> 6) & 3};
      if (Arrays.stream(p).distinct().count() == 4) {
        all.add(p);
      }
    });
    return all;
  }
}
