/*
 * Argument checks shared by the kernels (twin of dev.tenax.kernels.Shapes4 and PoolGeometry). They keep every index
 * a kernel computes inside int32_t, so the loops need no wider arithmetic on 16-bit targets.
 */
#ifndef TX_KERNEL_ARGS_H
#define TX_KERNEL_ARGS_H

#include <stdint.h>

#include "tx_status.h"

/*
 * 1 when a * b <= limit, and then *product = a * b. In 32-bit arithmetic only: a 64-bit product
 * is a library call on 16-bit cores (about 4,000 MCLK cycles per FC call on the MSP430 before),
 * and these checks run on every kernel call. Exact: with a <= b, a product of two factors above
 * 2^16 - 1 is at least 2^32 > limit; otherwise a < 2^16 and a * b = high * 2^16 + low with
 * high = a * (b >> 16) and low = a * (b & 0xFFFF), both below 2^32, and the product exceeds
 * 2^32 - 1 when high does 2^16 - 1.
 */
/* Out of line and weak on cortex-m0, where GCC at -Os kept a static copy of each of the two in
 * every kernel (about 100 bytes a kernel); inlined elsewhere. */
#if defined(__ARM_ARCH_6M__) && defined(__GNUC__)
#define TX_ARGS_MUL __attribute__((noinline, weak))
#else
#define TX_ARGS_MUL static inline
#endif
TX_ARGS_MUL int tx_mul_within(uint32_t a, uint32_t b, uint32_t limit, uint32_t *product)
{
#if defined(__thumb2__)
    /* Cortex-M3 and up: one UMULL gives the exact 64-bit product, and the split below costs
     * about 25 instructions per factor in the flash every kernel's checks take */
    const uint64_t p = (uint64_t)a * b;
    if (p > limit) {
        return 0;
    }
    *product = (uint32_t)p;
    return 1;
#else
    uint32_t high;
    uint32_t low;
    if (a > b) {
        const uint32_t t = a;
        a = b;
        b = t;
    }
    if (a > UINT32_C(0xFFFF)) {
        return 0;
    }
    high = (b >> 16) != 0u ? a * (b >> 16) : 0u;
    low = a * (b & UINT32_C(0xFFFF));
    if (high > UINT32_C(0xFFFF) || low > limit || (high << 16) > limit - low) {
        return 0;
    }
    *product = (high << 16) + low;
    return 1;
#endif
}

/* a * b for a, b >= 0 when it fits int32_t (1), else 0. */
TX_ARGS_MUL int tx_mul_s32_fits(int32_t a, int32_t b, int32_t *product)
{
    uint32_t p = 0u;
    if (!tx_mul_within((uint32_t)a, (uint32_t)b, (uint32_t)INT32_MAX, &p)) {
        return 0;
    }
    *product = (int32_t)p;
    return 1;
}

/* n % d == 0 for d > 0. A 32-bit remainder is a ~2,600-cycle library loop on the MSP430: a
 * divisor of 1 (ungrouped convolutions) needs none, and counts within 16 bits take the 16-bit
 * one. */
static inline int tx_divides(int32_t d, int32_t n)
{
    if (d == 1) {
        return 1;
    }
    if (n >= 0 && d <= INT32_C(0xFFFF) && n <= INT32_C(0xFFFF)) {
        return (uint16_t)((uint16_t)n % (uint16_t)d) == 0u;
    }
    return n % d == 0;
}

/* Checks that several kernels of a model, or one kernel several times per call, make: out of line
 * on Cortex-M cores, where each inlined copy costs flash in every kernel (a call is a few
 * instructions per kernel call), and weak there, so that the kernels which include them share one
 * copy (the linker keeps one definition and --gc-sections drops the others); inlined elsewhere, as
 * on the MSP430, whose code sizes are measured as they are. tx_window_valid, once per axis, cost
 * about 190 bytes in each convolution kernel inlined; tx_shape4_valid, three times in each
 * convolution and once in most other kernels, and tx_window2d_valid, in both convolutions,
 * together 504 bytes in MobileNet VWW on cortex-m4 and 588 in DS-CNN KWS (on cortex-m0, where
 * GCC kept tx_window_valid out of line, a static copy in each of them: 256 bytes each). */
#if defined(__arm__) && defined(__GNUC__)
#define TX_ARGS_SHARED __attribute__((noinline, weak))
#else
#define TX_ARGS_SHARED static inline
#endif

/* The argument check of a kernel where it is a large share of the code a model links: out of line
 * and optimized for size on Cortex-M cores with GCC (tx_avg_pool_requant_s8's took 390 of its 936
 * bytes inlined at -O2 on cortex-m4, 186 so), a few instructions more per call; as it is elsewhere
 * (clang has no per-function -Os). */
#if defined(__arm__) && defined(__GNUC__) && !defined(__clang__)
#define TX_ARGS_CHECK_SMALL __attribute__((noinline, optimize("Os")))
#else
#define TX_ARGS_CHECK_SMALL
#endif

/* All dimensions positive and the element count within int32_t (checked one factor at a time;
 * a loop, so that the check holds one multiplication check, not three). */
TX_ARGS_SHARED int tx_shape4_valid(const tx_shape4 *s)
{
    const int32_t factors[3] = {s->h, s->w, s->c};
    int32_t count = s->n;
    int i;
    if (count <= 0) {
        return 0;
    }
    for (i = 0; i < 3; i++) {
        if (factors[i] <= 0 || !tx_mul_s32_fits(count, factors[i], &count)) {
            return 0;
        }
    }
    return 1;
}

TX_ARGS_SHARED int tx_window_valid(int32_t in, int32_t k, int32_t stride, int32_t dilation,
                                  int32_t pad, int32_t out);

/*
 * One spatial axis of a sliding window: `out` positions, `stride` apart, starting `pad` before the
 * input, each covering (k - 1) * dilation + 1 input positions. The compiler chose the bottom/right
 * padding implicitly through `out`; it is consistent when no pad is negative, i.e. `out` is at
 * least the size with zero bottom padding (rows beyond the last window are fewer than a stride),
 * and every coordinate stays within int32_t.
 */
TX_ARGS_SHARED int tx_window_valid(int32_t in, int32_t k, int32_t stride, int32_t dilation,
                                  int32_t pad, int32_t out)
{
    int32_t span;
    int32_t reach;
    uint32_t covered;
    uint32_t beyond;
    if (in <= 0 || k <= 0 || stride <= 0 || dilation <= 0 || pad < 0 || out <= 0) {
        return 0;
    }
    /* effective = span + 1 (as uint32_t: it may be 2^31), and (out - 1) * stride + effective
     * within int32_t, i.e. reach <= INT32_MAX - 1 - span; all 32-bit (tx_mul_within says why). */
    if (!tx_mul_s32_fits(k - 1, dilation, &span) || !tx_mul_s32_fits(out - 1, stride, &reach)
        || reach > INT32_MAX - 1 - span) {
        return 0;
    }
    /* out < (in + pad - effective) / stride + 1 without the division: for d >= 0,
     * out < floor(d / stride) + 1 exactly when out <= floor(d / stride), i.e. out * stride <= d.
     * in + pad < 2^32, so it and d are exact in uint32_t. */
    covered = (uint32_t)in + (uint32_t)pad;
    if (covered >= (uint32_t)span + 1u
        && tx_mul_within((uint32_t)out, (uint32_t)stride, covered - ((uint32_t)span + 1u),
                         &beyond)) {
        return 0;
    }
    return 1;
}

/*
 * A 2-D sliding window with a filter tensor (convolution, depthwise convolution): the three shapes
 * valid, input and output of one batch, and both spatial axes consistent (tx_window_valid). The
 * kernel checks its channel counts itself.
 */
TX_ARGS_SHARED int tx_window2d_valid(const tx_shape4 *in, const tx_shape4 *filter,
                                    const tx_shape4 *out, int32_t stride_h, int32_t stride_w,
                                    int32_t dilation_h, int32_t dilation_w, int32_t pad_top,
                                    int32_t pad_left)
{
    return tx_shape4_valid(in) && tx_shape4_valid(filter) && tx_shape4_valid(out)
        && out->n == in->n
        && tx_window_valid(in->h, filter->h, stride_h, dilation_h, pad_top, out->h)
        && tx_window_valid(in->w, filter->w, stride_w, dilation_w, pad_left, out->w);
}

/*
 * Pooling (max and average): input dimensions and output height and width positive, batch and
 * channels kept, filter and strides positive and pads not negative. Twin of
 * dev.tenax.kernels.PoolGeometry.
 */
static inline int tx_pool_args_valid(const tx_shape4 *in, const tx_shape4 *out, int32_t filter_h,
                                     int32_t filter_w, int32_t stride_h, int32_t stride_w,
                                     int32_t pad_top, int32_t pad_left)
{
    return in->n > 0 && in->h > 0 && in->w > 0 && in->c > 0 && out->h > 0 && out->w > 0
        && out->n == in->n && out->c == in->c && filter_h > 0 && filter_w > 0 && stride_h > 0
        && stride_w > 0 && pad_top >= 0 && pad_left >= 0;
}

/* The output stage of tx_requantize_s8: zero point and a non-empty clamp range inside int8, so the
 * final conversion to int8_t is exact. */
static inline int tx_output_s8_valid(int32_t output_offset, int32_t act_min, int32_t act_max)
{
    return output_offset >= -128 && output_offset <= 127 && act_min >= -128 && act_max <= 127
        && act_min <= act_max;
}

#endif /* TX_KERNEL_ARGS_H */
