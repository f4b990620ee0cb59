/*
 * The uniform output shift of the Cortex-M DSP depthwise channel kernels (tx_arm_dsp_dw3x3.h,
 * which includes this before them; tx_arm_dsp_dws2.h): the stage, weight scaling and immediate
 * shift of a layer whose channels take one shift S (TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT), and
 * the per-channel kernels' way of taking either kind of call in a build of both. Assembly
 * macros only, inside the kernel's __ARM_FEATURE_DSP and __thumb2__ sections.
 */
#ifndef TX_ARM_DSP_DW_UNIFORM_H
#define TX_ARM_DSP_DW_UNIFORM_H

/* The uniform shift S and its k = -1 - S as assembler expressions ("1" and "(-2)" when the build
 * has none: the uniform kernels are then never called, but still assembled). */
#define TX_DW_STR_(x) #x
#define TX_DW_STR(x) TX_DW_STR_(x)
#if TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT >= -23 && TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT <= -2
#define TX_DW_UNIFORM_S "(" TX_DW_STR(TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT) ")"
#define TX_DW_UNIFORM_K "(-1-" TX_DW_UNIFORM_S ")"
#else
#define TX_DW_UNIFORM_S "(-2)"
#define TX_DW_UNIFORM_K "1"
#endif

/*
 * The layer's uniform shift S (TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT, k = TX_DW_UNIFORM_K = -1 -
 * S for every channel) instead: the channel's j = shift - S (0 .. 8) in r3, the bias scaled by
 * 2^j, C = zp21 << (k - 1); TX_DW_UNIFORM_SCALE then scales the nine weights by 2^j (at most
 * 128 * 2^8 = 2^15: still int16 for SMLAD). The sums are then exactly 2^j times the channel's,
 * and SMMLA by m with C then a shift by k + j = -1 - S is the floor the channel's own stage takes
 * (floor((2^j X + 2^j R 2^32) / 2^(32 + k + j)) = floor((X + R 2^32) / 2^(32 + k))): bit-exact as
 * long as the scaled sums stay inside int32 (dw_uniform_fits, tx_arm_dsp_dw_planar.h). What it
 * buys: the shift is SSAT's immediate (TX_DW_USHIFT), no ASR per output nor load of k per block
 * (a 2x2 block 48 instructions, not 53), for 13 more instructions per channel here.
 */
#define TX_DW_STAGE_UNIFORM \
    "sub    r3, r10, #" TX_DW_UNIFORM_S "\n\t" \
    "lsl    r11, r11, r3\n\t" \
    "mov    r10, #" TX_DW_UNIFORM_K "\n\t" \
    "lsl    r9, r7, #(" TX_DW_UNIFORM_K "-1)\n\t"
#define TX_DW_UNIFORM_SCALE \
    "lsl    r5, r5, r3\n\t" \
    "lsl    r6, r6, r3\n\t" \
    "lsl    r7, r7, r3\n\t" \
    "lsl    r8, r8, r3\n\t" \
    "lsl    r9, r9, r3\n\t" \
    "lsl    r10, r10, r3\n\t" \
    "lsl    r11, r11, r3\n\t" \
    "lsl    r1, r1, r3\n\t" \
    "lsl    r2, r2, r3\n\t"

/*
 * A build with a uniform shift whose planar calls it does not all suit (TX_DEPTHWISE_CONV2D_S8_
 * PATH_CHANNEL_SHIFTS and _UNIFORM_SHIFT both set) runs every call through the per-channel kernels,
 * which then take the uniform shift for the calls it suits (state field `uniform`, at sp + 124):
 * the stage and scaling of the uniform kernels, and their unrolled 2x2 loop with the immediate
 * shift; the odd rows and columns keep the stage that reads k (the uniform k, with the uniform
 * C, is what the head stores). That costs about 300 bytes a kernel instead of the 1 KB a second,
 * uniform, kernel would, and 4 instructions a channel and 3 a column pair when a call does not
 * take the uniform shift.
 */
#define TX_DW_STAGE_EITHER \
    "ldr    r3, [sp, #124]\n\t" \
    "cbz    r3, 12f\n\t" \
    TX_DW_STAGE_UNIFORM \
    "b      13f\n" \
    "12:\n\t" \
    TX_DW_STAGE_CHANNEL \
    "13:\n\t"
/* (j in r3 is 0 for a call without the uniform shift: no scaling) */
#define TX_DW_UNIFORM_SCALE_EITHER \
    "cbz    r3, 14f\n\t" \
    TX_DW_UNIFORM_SCALE \
    "14:\n\t"

#define TX_DW_USHIFT(a) "ssat   " a ", #8, " a ", asr #" TX_DW_UNIFORM_K "\n\t"
#define TX_DW_USHIFT4 TX_DW_USHIFT("r4") TX_DW_USHIFT("r5") TX_DW_USHIFT("r6") TX_DW_USHIFT("r7")
#define TX_DW_USHIFT2 TX_DW_USHIFT("r4") TX_DW_USHIFT("r5")
#define TX_DW_USHIFT1 TX_DW_USHIFT("r4")

/* The 2x2 loop of a per-channel kernel in a build of both kinds of call (TX_DW_STAGE_EITHER):
 * the uniform kernels' (out4u, the immediate shift) for a call that takes the uniform shift, else
 * the channel's own (out4). */
#define TX_DW_LOOP22_EITHER(block22, out4, out4u) \
    "ldr    r4, [sp, #124]\n\t" \
    "cmp    r4, #0\n\t" \
    "bne    15f\n\t" \
    TX_DW_LOOP22_ONCE(block22, out4) \
    "b      16f\n" \
    "15:\n\t" \
    TX_DW_LOOP22_TWICE(block22, out4u, TX_DW_STORE4) \
    "16:\n\t"

/* What the per-channel kernels (dw3_chan, dw3_chan_clamp, dws2_chan, dws2_chan_clamp) take: their
 * own stage alone, or, in a build of both kinds of call, either. */
#if TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT != 0
#define TX_DW_CHANNEL_STAGE TX_DW_STAGE_EITHER
#define TX_DW_CHANNEL_SCALE TX_DW_UNIFORM_SCALE_EITHER
#define TX_DW_CHANNEL_LOOP22(block22, out4, out4u) TX_DW_LOOP22_EITHER(block22, out4, out4u)
#else
#define TX_DW_CHANNEL_STAGE TX_DW_STAGE_CHANNEL
#define TX_DW_CHANNEL_SCALE ""
#define TX_DW_CHANNEL_LOOP22(block22, out4, out4u) TX_DW_LOOP22_ONCE(block22, out4)
#endif

#endif /* TX_ARM_DSP_DW_UNIFORM_H */
