/*
 * Which specialized paths of the Cortex-M DSP kernels (runtime-c/arm-dsp/src) are compiled in.
 * Each kernel is one entry point that picks a path per call at run time (im2col GEMM, 1x1, 3x3
 * planes, blocks of three outputs...); linking all of them costs flash that a model using two
 * of them does not need. A generated project knows every call's arguments and writes the set of
 * paths its calls take into tx_config.h (built with -DTX_CONFIG_H); each macro is 1 (compiled
 * in) or 0 (left out). Without TX_CONFIG_H, and for every macro tx_config.h does not set, the
 * path is compiled in: hand-built uses and the test drivers get every path.
 *
 * A call whose path is left out returns TX_ERR_ARGUMENT before touching its output: it never
 * computes something else. The compiler's mirror of these choices is
 * compiler/src/main/java/dev/tenax/codegen/DspKernelPaths.java; the two must pick the same path
 * for every call (DspKernelPathsRunTest builds random layers with only their paths).
 * The macros are plain 0/1 constants in `if` conditions, not #if, so that a left-out path's
 * functions stay checked by the compiler and are dropped as unreachable.
 * MobileNet VWW's channels with shifts of -1 and above take the im2col blocks' 64-bit output
 * stage (tx_arm_dsp_requant.h stage 3), and its average pool is tx_avg_pool_requant_s8, so it
 * links neither conv_dsp nor depthwise_dsp (model code 16.1 KB on cortex-m4, from 19.7). Its
 * global pool over 256 channels links neither the pool's window walk nor its exact output stage,
 * and its depthwise layers' channel counts are multiples of 4 (no planar tail): 15,644 bytes of
 * model code, from 17,748 after the pool became its own kernel. The pixel-major path of its first
 * two pointwise layers (about 900 bytes) brought it to 16,308, after its 3x3 RGB layer's filters
 * were widened per call instead of linking blocks1x4_partial and the blocks variants came to
 * share one output stage (tx_arm_dsp_conv2d_blocks.h). 15,022 bytes (16,320 before) once the
 * shape checks were shared out of line (tx_kernel_args.h), the kernels stopped linking the C
 * library's memcpy, the fully connected and depthwise kernels returned at once for the paths a
 * build leaves out, the channel table dropped the partial-group word such a build never needs
 * and fill_pointwise kept one expansion loop.
 */
#ifndef TX_ARM_DSP_PATHS_H
#define TX_ARM_DSP_PATHS_H

#if defined(TX_CONFIG_H)
#include "tx_config.h"
#endif

/* tx_conv2d_s8: the im2col GEMM (groups 1, 4..640 taps, shifts in [-23, 30]) fills its columns
 * with fill_pointwise (1x1 over whole groups, no padding), fill9x3 (3 rows of 9 bytes) or fill,
 * whose windows' kernel rows are whole groups of taps (ROWS: dilation_w 1, kw * in_c a multiple
 * of 4) or not (GATHER), and runs blocks1x4 (taps a multiple of 4, and the 9x3 windows' 27 taps
 * as 28 in blocks1x4_widened) or blocks1x4_partial */
#ifndef TX_CONV2D_S8_PATH_IM2COL_POINTWISE
#define TX_CONV2D_S8_PATH_IM2COL_POINTWISE 1
#endif
#ifndef TX_CONV2D_S8_PATH_IM2COL_9X3
#define TX_CONV2D_S8_PATH_IM2COL_9X3 1
#endif
#ifndef TX_CONV2D_S8_PATH_IM2COL_ROWS
#define TX_CONV2D_S8_PATH_IM2COL_ROWS 1
#endif
#ifndef TX_CONV2D_S8_PATH_IM2COL_GATHER
#define TX_CONV2D_S8_PATH_IM2COL_GATHER 1
#endif
#ifndef TX_CONV2D_S8_PATH_IM2COL_WHOLE
#define TX_CONV2D_S8_PATH_IM2COL_WHOLE 1
#endif
#ifndef TX_CONV2D_S8_PATH_IM2COL_PARTIAL
#define TX_CONV2D_S8_PATH_IM2COL_PARTIAL 1
#endif
/* a pointwise layer's last block when it holds one pixel: blocks1x1 instead of a block of four
 * with three zero pixels (without it the block of four runs, with the same bits) */
#ifndef TX_CONV2D_S8_PATH_IM2COL_POINTWISE_TAIL
#define TX_CONV2D_S8_PATH_IM2COL_POINTWISE_TAIL 1
#endif
/* tx_conv2d_s8's pixel-major path before the im2col one: 1x1 over 8 or 16 channels, no padding,
 * shifts in [-23, -2], full int8 range, at most 64 output channels (tx_arm_dsp_conv2d_pixels.h) */
#ifndef TX_CONV2D_S8_PATH_PIXELS
#define TX_CONV2D_S8_PATH_PIXELS 1
#endif
/* the other groups == 1 convolutions (conv_dsp), and grouped ones (the reference loop) */
#ifndef TX_CONV2D_S8_PATH_DSP
#define TX_CONV2D_S8_PATH_DSP 1
#endif
#ifndef TX_CONV2D_S8_PATH_REFERENCE
#define TX_CONV2D_S8_PATH_REFERENCE 1
#endif

/* tx_depthwise_conv2d_s8 with channel_multiplier 1: dw_run with 3x3 stride 1 planes (DW3) and
 * its channel kernel for a clamped activation range (DW3_CLAMPED) or the full int8 one
 * (DW3_FULL_RANGE), or with 3x3 stride 2 planes (DWS2, the same two kernels), depthwise_fast (four-channel blocks, shifts in [-23, -2]), depthwise_dsp (the
 * last channels of a count not a multiple of 4, or other shifts); other multipliers: the
 * reference loop */
#ifndef TX_DEPTHWISE_CONV2D_S8_PATH_DW3
#define TX_DEPTHWISE_CONV2D_S8_PATH_DW3 1
#endif
#ifndef TX_DEPTHWISE_CONV2D_S8_PATH_DW3_CLAMPED
#define TX_DEPTHWISE_CONV2D_S8_PATH_DW3_CLAMPED 1
#endif
#ifndef TX_DEPTHWISE_CONV2D_S8_PATH_DW3_FULL_RANGE
#define TX_DEPTHWISE_CONV2D_S8_PATH_DW3_FULL_RANGE 1
#endif
#ifndef TX_DEPTHWISE_CONV2D_S8_PATH_DWS2
#define TX_DEPTHWISE_CONV2D_S8_PATH_DWS2 1
#endif
#ifndef TX_DEPTHWISE_CONV2D_S8_PATH_DWS2_CLAMPED
#define TX_DEPTHWISE_CONV2D_S8_PATH_DWS2_CLAMPED 1
#endif
#ifndef TX_DEPTHWISE_CONV2D_S8_PATH_DWS2_FULL_RANGE
#define TX_DEPTHWISE_CONV2D_S8_PATH_DWS2_FULL_RANGE 1
#endif
/* the planar paths' output shift: each channel's own (CHANNEL_SHIFTS), or one shift S for the
 * whole layer, UNIFORM_SHIFT (in [-23, -2]; 0: none), which the calls it suits take
 * (dw_uniform_fits, tx_arm_dsp_dw_planar.h): its kernels shift by an immediate
 * (tx_arm_dsp_dw_uniform.h). The compiler picks the S that suits the planar calls of the most MACs:
 * when it suits them all, the build links the uniform kernels alone (CHANNEL_SHIFTS 0); else the
 * per-channel kernels take either kind of call (TX_DW_STAGE_EITHER). */
#ifndef TX_DEPTHWISE_CONV2D_S8_PATH_CHANNEL_SHIFTS
#define TX_DEPTHWISE_CONV2D_S8_PATH_CHANNEL_SHIFTS 1
#endif
#ifndef TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT
#define TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT 0
#endif
/* a build whose stride-1 planar calls all take the uniform kernels with one channel count and
 * output row (out_w * ch bytes; 0: not fixed): the kernels store at immediate offsets
 * (tx_arm_dsp_dw_fixed.h) and other stride-1 planar calls are refused */
#ifndef TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS
#define TX_DEPTHWISE_CONV2D_S8_DW3_CHANNELS 0
#endif
#ifndef TX_DEPTHWISE_CONV2D_S8_DW3_ROW_BYTES
#define TX_DEPTHWISE_CONV2D_S8_DW3_ROW_BYTES 0
#endif
/* and with one count of output rows too (at most TX_DW3_ROWS - 2: one strip; 0: not fixed), the
 * kernels' 2x2 blocks are unrolled */
#ifndef TX_DEPTHWISE_CONV2D_S8_DW3_ROWS
#define TX_DEPTHWISE_CONV2D_S8_DW3_ROWS 0
#endif
/* the planar paths' last one to three channels (a channel count not a multiple of 4), expanded
 * into their planes in C */
#ifndef TX_DEPTHWISE_CONV2D_S8_PATH_PLANAR_TAIL
#define TX_DEPTHWISE_CONV2D_S8_PATH_PLANAR_TAIL 1
#endif
#ifndef TX_DEPTHWISE_CONV2D_S8_PATH_FAST
#define TX_DEPTHWISE_CONV2D_S8_PATH_FAST 1
#endif
#ifndef TX_DEPTHWISE_CONV2D_S8_PATH_DSP
#define TX_DEPTHWISE_CONV2D_S8_PATH_DSP 1
#endif
#ifndef TX_DEPTHWISE_CONV2D_S8_PATH_REFERENCE
#define TX_DEPTHWISE_CONV2D_S8_PATH_REFERENCE 1
#endif

/* tx_fully_connected_s8: rows of a multiple of 4 inputs (at most 1024) expanded once (ROW, with
 * the exact C outputs after the blocks), then blocks of three outputs (BLOCKS3), of four
 * (BLOCKS4) or of four over eight inputs (BLOCKS4X8); other rows: two outputs at a time (PAIRS);
 * a small layer the compiler passed as widened rows (tx_arm_dsp_fc_wide.h): rows of eight inputs
 * (WIDE8) or of a multiple of 32 (WIDE_PAIRS) */
#ifndef TX_FULLY_CONNECTED_S8_PATH_ROW
#define TX_FULLY_CONNECTED_S8_PATH_ROW 1
#endif
#ifndef TX_FULLY_CONNECTED_S8_PATH_BLOCKS3
#define TX_FULLY_CONNECTED_S8_PATH_BLOCKS3 1
#endif
#ifndef TX_FULLY_CONNECTED_S8_PATH_BLOCKS4
#define TX_FULLY_CONNECTED_S8_PATH_BLOCKS4 1
#endif
#ifndef TX_FULLY_CONNECTED_S8_PATH_BLOCKS4X8
#define TX_FULLY_CONNECTED_S8_PATH_BLOCKS4X8 1
#endif
#ifndef TX_FULLY_CONNECTED_S8_PATH_PAIRS
#define TX_FULLY_CONNECTED_S8_PATH_PAIRS 1
#endif
#ifndef TX_FULLY_CONNECTED_S8_PATH_WIDE8
#define TX_FULLY_CONNECTED_S8_PATH_WIDE8 1
#endif
#ifndef TX_FULLY_CONNECTED_S8_PATH_WIDE_PAIRS
#define TX_FULLY_CONNECTED_S8_PATH_WIDE_PAIRS 1
#endif

/* tx_avg_pool_requant_s8: one window over the whole input (GLOBAL: no padding, the filter the
 * input's size, one output pixel) or the window walk of other pools (WINDOWS); the exact 64-bit
 * output stage (EXACT) for channel counts not a multiple of 4 (the last one to three) or a shift
 * the SMMLA stage cannot take even on scaled sums */
#ifndef TX_AVG_POOL_REQUANT_S8_PATH_GLOBAL
#define TX_AVG_POOL_REQUANT_S8_PATH_GLOBAL 1
#endif
#ifndef TX_AVG_POOL_REQUANT_S8_PATH_WINDOWS
#define TX_AVG_POOL_REQUANT_S8_PATH_WINDOWS 1
#endif
#ifndef TX_AVG_POOL_REQUANT_S8_PATH_EXACT
#define TX_AVG_POOL_REQUANT_S8_PATH_EXACT 1
#endif

#endif
