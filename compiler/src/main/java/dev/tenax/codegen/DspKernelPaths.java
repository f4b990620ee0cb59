package dev.tenax.codegen;

import dev.tenax.kernels.PoolGeometry;
import dev.tenax.lower.Step;
import dev.tenax.lower.steps.AvgPoolRequantS8Step;
import dev.tenax.lower.steps.ConvS8Step;
import dev.tenax.lower.steps.DepthwiseConvS8Step;
import dev.tenax.lower.steps.DepthwiseUniformShift;
import dev.tenax.lower.steps.FullyConnectedS8Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which specialized paths of the Cortex-M DSP kernels (runtime-c/arm-dsp/src) a model's calls
 * take, for the project's {@code tx_config.h} (runtime-c/include/tx_arm_dsp_paths.h): each
 * kernel picks a path per call at run time, and linking the paths no call takes costs flash
 * (for DS-CNN KWS about 8.6 KB of its 24 KB of code).
 *
 * <p>Each predicate here mirrors the C dispatch it names, condition for condition; a call whose
 * path is left out makes the C kernel return TX_ERR_ARGUMENT, so a mismatch fails the model's
 * run (DspKernelPathsRunTest runs random layers with only the paths this class picks) instead
 * of computing something else.
 */
public final class DspKernelPaths {
  /** Every path macro, in the order tx_config.h lists them. */
  static final List<String> ALL = List.of(
      "TX_CONV2D_S8_PATH_IM2COL_POINTWISE", "TX_CONV2D_S8_PATH_IM2COL_9X3",
      "TX_CONV2D_S8_PATH_IM2COL_ROWS", "TX_CONV2D_S8_PATH_IM2COL_GATHER",
      "TX_CONV2D_S8_PATH_IM2COL_WHOLE",
      "TX_CONV2D_S8_PATH_IM2COL_PARTIAL", "TX_CONV2D_S8_PATH_IM2COL_POINTWISE_TAIL",
      "TX_CONV2D_S8_PATH_PIXELS", "TX_CONV2D_S8_PATH_DSP",
      "TX_CONV2D_S8_PATH_REFERENCE",
      "TX_DEPTHWISE_CONV2D_S8_PATH_DW3", "TX_DEPTHWISE_CONV2D_S8_PATH_DW3_CLAMPED",
      "TX_DEPTHWISE_CONV2D_S8_PATH_DW3_FULL_RANGE", "TX_DEPTHWISE_CONV2D_S8_PATH_DWS2",
      "TX_DEPTHWISE_CONV2D_S8_PATH_DWS2_CLAMPED", "TX_DEPTHWISE_CONV2D_S8_PATH_DWS2_FULL_RANGE",
      "TX_DEPTHWISE_CONV2D_S8_PATH_CHANNEL_SHIFTS", "TX_DEPTHWISE_CONV2D_S8_PATH_PLANAR_TAIL",
      "TX_DEPTHWISE_CONV2D_S8_PATH_FAST",
      "TX_DEPTHWISE_CONV2D_S8_PATH_DSP", "TX_DEPTHWISE_CONV2D_S8_PATH_REFERENCE",
      "TX_FULLY_CONNECTED_S8_PATH_ROW", "TX_FULLY_CONNECTED_S8_PATH_BLOCKS3",
      "TX_FULLY_CONNECTED_S8_PATH_BLOCKS4", "TX_FULLY_CONNECTED_S8_PATH_BLOCKS4X8",
      "TX_FULLY_CONNECTED_S8_PATH_PAIRS", "TX_FULLY_CONNECTED_S8_PATH_WIDE8",
      "TX_FULLY_CONNECTED_S8_PATH_WIDE_PAIRS", "TX_AVG_POOL_REQUANT_S8_PATH_GLOBAL",
      "TX_AVG_POOL_REQUANT_S8_PATH_WINDOWS", "TX_AVG_POOL_REQUANT_S8_PATH_EXACT");

  /** tx_conv2d_s8's im2col limit: 4 * TX_CONV_COL_GROUPS taps (tx_arm_dsp_conv2d_im2col_expand.h). */
  private static final long CONV_MAX_TAPS = 4 * 160;
  /** TX_PIXELS_MAX_OUT_C (tx_arm_dsp_conv2d_pixels.h): output channels of the pixel-major path. */
  static final int PIXELS_MAX_OUT_C = 64;
  /** tx_fully_connected_s8's expanded-row limit: 4 * TX_FC_GROUPS inputs. */
  private static final int FC_MAX_ROW = 4 * 256;

  private DspKernelPaths() {}

  /** The value macro of the planar depthwise paths' uniform shift (0: none). */
  static final String UNIFORM_SHIFT = "TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT";

  /**
   * One line of tx_config.h: a path macro, whether it is compiled in (1 or 0), and the steps that
   * take it; or, for {@link #UNIFORM_SHIFT}, its value and the steps that take it.
   */
  public record PathView(String macro, int on, String usedBy) {}

  /**
   * The path macros for {@code steps}: every path of {@link #ALL}, on when some step takes it,
   * then the build's {@link #UNIFORM_SHIFT}. A step of a kernel without path macros is ignored.
   */
  public static List<PathView> of(List<? extends Step> steps) {
    int uniform = uniformShift(steps);
    Map<String, List<Integer>> users = new LinkedHashMap<>();
    for (String m : ALL) {
      users.put(m, new ArrayList<>());
    }
    List<Integer> uniformUsers = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      for (String m : paths(s, uniform)) {
        users.get(m).add(i);
      }
      if (uniform != 0 && s instanceof DepthwiseConvS8Step d && planar(d) && d.uniformShift().contains(uniform)) {
        uniformUsers.add(i);
      }
    }
    List<PathView> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : users.entrySet()) {
      List<Integer> u = e.getValue();
      out.add(new PathView(e.getKey(), u.isEmpty() ? 0 : 1, stepsText(u)));
    }
    out.add(new PathView(UNIFORM_SHIFT, uniform, stepsText(uniformUsers)));
    out.addAll(fixedGeometry(steps, uniform, users.get(CHANNEL_SHIFTS).isEmpty()));
    return out;
  }

  /** The value macros of a build's fixed stride-1 planar geometry (0: none). */
  static final String DW3_CHANNELS = "TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS";
  static final String DW3_ROW_BYTES = "TX_DEPTHWISE_CONV2D_S8_DW3_ROW_BYTES";
  static final String DW3_ROWS = "TX_DEPTHWISE_CONV2D_S8_DW3_ROWS";
  static final List<String> GEOMETRY = List.of(DW3_CHANNELS, DW3_ROW_BYTES, DW3_ROWS);
  static final String CHANNEL_SHIFTS = "TX_DEPTHWISE_CONV2D_S8_PATH_CHANNEL_SHIFTS";
  /** TX_DW3_ROWS - 2 (tx_arm_dsp_dw3x3.h) in a build of fixed geometry: the output rows of one strip. */
  private static final int DW3_STRIP_ROWS = 26;

  /**
   * Whether call {@code s} suits a fixed stride-1 geometry ({@code geometry}: channels, row bytes,
   * rows or 0): not a stride-1 planar call, or one of that geometry.
   */
  static boolean suitsFixedGeometry(Step s, int[] geometry) {
    if (!(s instanceof DepthwiseConvS8Step d && planar(d) && dw3(d))) {
      return true;
    }
    int[] mine = geometryOf(d);
    return mine[0] == geometry[0] && mine[1] == geometry[1] && (geometry[2] == 0 || mine[2] == geometry[2]);
  }

  /** A stride-1 planar call's channels, output row bytes and output rows. */
  private static int[] geometryOf(DepthwiseConvS8Step d) {
    int[] out = d.out().shape4();
    return new int[] {out[3], out[2] * out[3], out[1]};
  }

  /**
   * {@link #GEOMETRY} (runtime-c/include/tx_arm_dsp_dw_fixed.h): when every stride-1 planar call of
   * {@code calls} takes the uniform kernels (a uniform shift, and no call takes the per-channel
   * ones: {@code uniformOnly}) with one channel count and output row whose offsets fit STRB's and
   * ADDW's 12-bit immediates, their values and the calls, and the calls' output rows too when they
   * have one count that fits one strip (and four rows fit those immediates); else 0.
   */
  static List<PathView> fixedGeometry(List<? extends Step> calls, int uniform, boolean uniformOnly) {
    List<PathView> none = GEOMETRY.stream().map(m -> new PathView(m, 0, "no fixed geometry")).toList();
    if (uniform == 0 || !uniformOnly) {
      return none;
    }
    int[] geometry = null;
    List<Integer> users = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i) instanceof DepthwiseConvS8Step d && planar(d) && dw3(d)) {
        int[] mine = geometryOf(d);
        if (mine[2] > DW3_STRIP_ROWS) {
          mine[2] = 0;
        }
        if (geometry == null) {
          geometry = mine;
        } else if (mine[0] != geometry[0] || mine[1] != geometry[1]) {
          return none;
        } else if (mine[2] != geometry[2]) {
          geometry[2] = 0;
        }
        users.add(i);
      }
    }
    if (geometry == null || geometry[0] + geometry[1] > 4095 || 2 * geometry[1] > 4095) {
      return none;
    }
    if (4 * geometry[1] > 4095) {
      geometry[2] = 0; // the unrolled odd column's 4x1 blocks store four rows at immediate offsets
    }
    List<PathView> out = new ArrayList<>();
    for (int k = 0; k < GEOMETRY.size(); k++) {
      out.add(new PathView(GEOMETRY.get(k), geometry[k], geometry[k] == 0 ? "not fixed" : stepsText(users)));
    }
    return out;
  }

  private static String stepsText(List<Integer> u) {
    return u.isEmpty() ? "no call" : "step" + (u.size() > 1 ? "s " : " ")
        + String.join(", ", u.stream().map(String::valueOf).toList());
  }

  /**
   * The uniform shift of a build (0: none): the shift ({@link DepthwiseUniformShift}) that suits
   * the planar depthwise calls with the most MACs (the largest of equals: the least scaling). When
   * it suits them all, the build links only the uniform-shift channel kernels; when it suits some,
   * the per-channel kernels take it for those (TX_DW_STAGE_EITHER, about 300 bytes each more).
   */
  static int uniformShift(List<? extends Step> steps) {
    List<DepthwiseConvS8Step> planar = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof DepthwiseConvS8Step d && planar(d)) {
        planar.add(d);
      }
    }
    int best = 0;
    long bestMacs = 0;
    for (int shift = DepthwiseUniformShift.MAX_SHIFT; shift >= DepthwiseUniformShift.MIN_SHIFT; shift--) {
      long macs = 0;
      for (DepthwiseConvS8Step d : planar) {
        if (d.uniformShift().contains(shift)) {
          macs += d.macs();
        }
      }
      if (macs > bestMacs) {
        best = shift;
        bestMacs = macs;
      }
    }
    return best;
  }

  /** The paths one step's kernel call takes in a build without a uniform depthwise shift. */
  static List<String> paths(Step s) {
    return paths(s, 0);
  }

  /** The paths one step's kernel call takes in a build of uniform depthwise shift {@code uniform}. */
  static List<String> paths(Step s, int uniform) {
    if (s instanceof ConvS8Step c) {
      return conv(c);
    }
    if (s instanceof DepthwiseConvS8Step d) {
      return depthwise(d, uniform);
    }
    if (s instanceof FullyConnectedS8Step f) {
      return fullyConnected(f);
    }
    if (s instanceof AvgPoolRequantS8Step a) {
      return avgPool(a);
    }
    return List.of();
  }

  /** Mirrors tx_conv2d_s8 (arm-dsp) and im2col_paths_in. */
  private static List<String> conv(ConvS8Step s) {
    var p = s.params();
    int[] in = s.in().shape4();
    int[] out = s.out().shape4();
    int kh = s.filterShape()[1];
    int kw = s.filterShape()[2];
    int inC = in[3];
    long k = (long) kh * kw * inC;
    if (p.groups() != 1) {
      return List.of("TX_CONV2D_S8_PATH_REFERENCE");
    }
    if (k > CONV_MAX_TAPS || k < 4 || !shiftsFitBlocks(p.shifts())) {
      return List.of("TX_CONV2D_S8_PATH_DSP");
    }
    boolean pointwise = kh == 1 && kw == 1 && inC % 4 == 0 && p.padTop() == 0 && p.padLeft() == 0
        && (long) (out[1] - 1) * p.strideH() < in[1] && (long) (out[2] - 1) * p.strideW() < in[2];
    if (pixels(s) && pointwise) {
      return List.of("TX_CONV2D_S8_PATH_PIXELS");
    }
    boolean window9x3 = kh == 3 && kw * inC == 9 && p.dilationW() == 1;
    // (the 9x3 windows' 27 taps run as 7 whole groups: conv_im2col pads their filters)
    String blocks = k % 4 != 0 && !window9x3 ? "TX_CONV2D_S8_PATH_IM2COL_PARTIAL" : "TX_CONV2D_S8_PATH_IM2COL_WHOLE";
    boolean rowsWhole = p.dilationW() == 1 && (kw * inC) % 4 == 0;
    String fill = pointwise ? "TX_CONV2D_S8_PATH_IM2COL_POINTWISE"
        : window9x3 ? "TX_CONV2D_S8_PATH_IM2COL_9X3"
        : rowsWhole ? "TX_CONV2D_S8_PATH_IM2COL_ROWS" : "TX_CONV2D_S8_PATH_IM2COL_GATHER";
    long total = (long) out[0] * out[1] * out[2];
    if (pointwise && total % 4 == 1) {
      // (conv_im2col: a last block of one pixel in blocks1x1)
      return List.of(fill, blocks, "TX_CONV2D_S8_PATH_IM2COL_POINTWISE_TAIL");
    }
    return List.of(fill, blocks);
  }

  /**
   * Mirrors pixels_applies (tx_arm_dsp_conv2d_pixels.h) but for its im2col_pointwise part: 8
   * input channels with a multiple of 4 output channels, or 16, at most PIXELS_MAX_OUT_C output
   * channels, the full int8 activation range and every shift for output stage 1.
   */
  static boolean pixels(ConvS8Step s) {
    var p = s.params();
    int inC = s.in().shape4()[3];
    int outC = s.out().shape4()[3];
    return (inC == 16 || (inC == 8 && outC % 4 == 0)) && outC <= PIXELS_MAX_OUT_C
        && p.actMin() == -128 && p.actMax() == 127 && shiftsFitSmmla(p.shifts());
  }

  /** Whether a call takes one of the planar 3x3 paths (dw_run). */
  static boolean planar(DepthwiseConvS8Step s) {
    var p = s.params();
    return p.channelMultiplier() == 1 && shiftsFitSmmla(p.shifts()) && (dw3(s) || dws2(s));
  }

  /** Mirrors dw3_applies. */
  private static boolean dw3(DepthwiseConvS8Step s) {
    var p = s.params();
    return planar3x3(s) && p.strideH() == 1 && p.strideW() == 1 && s.out().shape4()[1] >= 2;
  }

  /** Mirrors dws2_applies. */
  private static boolean dws2(DepthwiseConvS8Step s) {
    var p = s.params();
    int[] out = s.out().shape4();
    return planar3x3(s) && (p.strideH() == 2 || out[1] == 1) && (p.strideW() == 2 || out[2] == 1);
  }

  private static boolean planar3x3(DepthwiseConvS8Step s) {
    var p = s.params();
    return s.filterShape()[1] == 3 && s.filterShape()[2] == 3 && p.dilationH() == 1 && p.dilationW() == 1;
  }

  /** Mirrors tx_depthwise_conv2d_s8 (arm-dsp). */
  private static List<String> depthwise(DepthwiseConvS8Step s, int uniform) {
    var p = s.params();
    if (p.channelMultiplier() != 1) {
      return List.of("TX_DEPTHWISE_CONV2D_S8_PATH_REFERENCE");
    }
    int ch = s.out().shape4()[3];
    boolean fit = shiftsFitSmmla(p.shifts());
    if (planar(s)) {
      boolean clamp = p.actMin() != -128 || p.actMax() != 127;
      String path = dw3(s) ? "TX_DEPTHWISE_CONV2D_S8_PATH_DW3" : "TX_DEPTHWISE_CONV2D_S8_PATH_DWS2";
      List<String> paths = new ArrayList<>(List.of(path, path + (clamp ? "_CLAMPED" : "_FULL_RANGE")));
      if (uniform == 0 || !s.uniformShift().contains(uniform)) {
        paths.add(CHANNEL_SHIFTS);
      }
      if (ch % 4 != 0) {
        paths.add("TX_DEPTHWISE_CONV2D_S8_PATH_PLANAR_TAIL");
      }
      return paths;
    }
    int cFirst = fit ? ch - ch % 4 : 0;
    List<String> paths = new ArrayList<>();
    if (cFirst > 0) {
      paths.add("TX_DEPTHWISE_CONV2D_S8_PATH_FAST");
    }
    if (cFirst < ch) {
      paths.add("TX_DEPTHWISE_CONV2D_S8_PATH_DSP");
    }
    return paths;
  }

  /**
   * Mirrors tx_fully_connected_s8 (arm-dsp): its three-output blocks also need the weights
   * word-aligned, which the compiler's constant arrays are. A layer in the widened-rows format
   * ({@link CortexMFcOperands}, which every core with these paths takes) has its own paths.
   */
  private static List<String> fullyConnected(FullyConnectedS8Step s) {
    int inFeatures = s.in().elements() / s.rows();
    if (CortexMFcOperands.fits(s)) { // widened rows (fc_wide)
      return List.of(inFeatures == 8 ? "TX_FULLY_CONNECTED_S8_PATH_WIDE8" : "TX_FULLY_CONNECTED_S8_PATH_WIDE_PAIRS");
    }
    int outFeatures = s.out().elements() / s.rows();
    if (inFeatures % 4 != 0 || inFeatures > FC_MAX_ROW) {
      return List.of("TX_FULLY_CONNECTED_S8_PATH_PAIRS");
    }
    boolean use3 = inFeatures % 8 == 0 && inFeatures >= 16;
    int end3 = 0;
    int end4 = outFeatures & ~3;
    if (use3) {
      int q = outFeatures / 3;
      int r = outFeatures - 3 * q;
      if (4 * r <= outFeatures) {
        end3 = 3 * (q - r);
        end4 = outFeatures;
      }
    }
    List<String> paths = new ArrayList<>(List.of("TX_FULLY_CONNECTED_S8_PATH_ROW"));
    if (end3 > 0) {
      paths.add("TX_FULLY_CONNECTED_S8_PATH_BLOCKS3");
    }
    if (end3 < end4) {
      paths.add(inFeatures == 8 ? "TX_FULLY_CONNECTED_S8_PATH_BLOCKS4X8" : "TX_FULLY_CONNECTED_S8_PATH_BLOCKS4");
    }
    return paths;
  }

  /** Mirrors avg_pool_in_build (tx_avg_pool_requant_s8, arm-dsp). */
  private static List<String> avgPool(AvgPoolRequantS8Step s) {
    PoolGeometry g = s.params().geometry();
    int[] in = s.in().shape4();
    int[] out = s.out().shape4();
    boolean global = g.padTop() == 0 && g.padLeft() == 0 && g.filterH() == in[1] && g.filterW() == in[2]
        && out[1] == 1 && out[2] == 1;
    String walk = global ? "TX_AVG_POOL_REQUANT_S8_PATH_GLOBAL" : "TX_AVG_POOL_REQUANT_S8_PATH_WINDOWS";
    boolean exact = in[3] % 4 != 0 || !poolStageFits((long) g.filterH() * g.filterW(), s.params().shift());
    return exact ? List.of(walk, "TX_AVG_POOL_REQUANT_S8_PATH_EXACT") : List.of(walk);
  }

  /**
   * out_stage_shift then tx_dsp_requant_out_ok: the pool's SMMLA output stage takes shifts from -1
   * to 12 too, at -2 on sums scaled by 2^(shift + 2), while the largest sum (255 per tap) stays
   * below 2^31.
   */
  private static boolean poolStageFits(long taps, int shift) {
    int sh = shift;
    if (sh >= -1 && sh <= 12 && 255 * taps < (1L << (29 - sh))) {
      sh = -2;
    }
    return sh >= -23 && sh <= -2;
  }

  /** shifts_fit_blocks: output stage 1 or 3 of tx_arm_dsp_requant.h for every shift. */
  private static boolean shiftsFitBlocks(int[] shifts) {
    for (int sh : shifts) {
      if (sh < -23 || sh > 30) {
        return false;
      }
    }
    return true;
  }

  /** tx_dsp_requant_out_ok for every shift: the 32-bit output stage (tx_arm_dsp_requant.h). */
  private static boolean shiftsFitSmmla(int[] shifts) {
    for (int sh : shifts) {
      if (sh < -23 || sh > -2) {
        return false;
      }
    }
    return true;
  }
}
