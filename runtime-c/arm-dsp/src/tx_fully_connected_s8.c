/*
 * Cortex-M DSP-extension variant of tx_fully_connected_s8 (same name, signature and bits as
 * runtime-c/src/tx_fully_connected_s8.c; see tx_arm_dsp.h for why the SMLAD sums are
 * bit-exact). When in_features is a multiple of 4 (at most 1024), each input row is expanded
 * once to int16 on the stack and asm blocks of outputs make passes over it, each ending in the
 * 32-bit output stage of tx_arm_dsp_requant.h:
 *   - rows of whole groups of eight from 16 inputs: fc_blocks3, three outputs per pass (1.17
 *     instructions per MAC in the loop), the last one or two groups of four outputs (when
 *     out % 3 is 1 or 2) in fc_blocks4;
 *   - rows of exactly eight inputs: fc_blocks4x8, the inputs in registers for the whole call;
 *   - other multiples of 4: fc_blocks4, four outputs per pass (1.31 per MAC in the loop).
 * The outputs after the last block, and blocks with a shift outside [-17, -2], are computed from
 * the same expanded row in C, the shifts outside with the exact 64-bit requantization. Other
 * shapes take two output features at a time sharing each load of four inputs. Without
 * __ARM_FEATURE_DSP it is the reference loop.
 *
 * Small layers come as widened rows instead (NULL weights, the rows in place of the bias; the
 * compiler picks them, codegen/CortexMFcOperands.java, for rows of 8 or a multiple of 32 inputs
 * whose int16 weights take at most 4 KB and whose shifts suit output stage 1): each row holds its
 * bias, its weights as int16 pairs in SMLAD's order and its m, C, k (tx_arm_dsp_fc_wide.h), so no
 * SXTB16 is spent on weights, one LDM fetches eight of them, and per-tensor and per-channel
 * scales cost the same (the stage's operands come with the row: SMMLA, ASR, SSAT, STRB). Rows of
 * eight keep the inputs in registers (fc_wide8: 9 instructions per output of 8 MACs); longer rows
 * go two at a time over the int8 inputs, widened on the fly (fc_wide_pairs: 15 instructions per 16
 * MACs, about 23 per pair of outputs). The price is flash: 2 bytes per weight instead of 1 and 16
 * bytes per output instead of 12 (bias, multiplier, shift); the multiplier and shift tables are
 * not emitted. On the MLPerf Tiny models (cortex-m4, tenax bench, which adds about 40 of its own
 * per call), before -> after:
 *   64->12 (KWS):          1520 -> 1040 instructions, 1.98 -> 1.35 per MAC; weights +816 B
 *   64->10 (ResNet-8):     1440 ->  920, 2.25 -> 1.44; weights +720 B
 *   128->8 (autoencoder):  2000 -> 1240, 1.95 -> 1.21
 *   8->128 (autoencoder):  3200 -> 1440, 3.13 -> 1.41 (the two: weights +3,112 B)
 *   256->2 (VWW):          1680 ->  720, 3.28 -> 1.41; weights +528 B
 * What is left per call: the argument check (about 25 with the shapes' h and w of 1), the state
 * (about 20) and the asm's entry (about 12); per pair of outputs about 23 beyond the MACs.
 * Floors of the int8 blocks above, for the layers they still take (larger than 4 KB widened, or
 * rows of other lengths): each int8 weight is read from flash once and must be widened (SXTB16,
 * two weights) and multiplied (SMLAD, two MACs), 1.0 per MAC before any load; LDRD of eight
 * weights adds 0.125 and the three-output pass's input LDM 0.04, so 1.17 per MAC is the loop's
 * floor with 14 registers; per output the per-channel requantization costs about 9 (load
 * multiplier and shift, u = -2 - shift, C, SMMLA, ASR, SSAT, the range check, pack and store).
 * TODO(issue 4): rows of 16 or an odd multiple of 16 inputs (fc_wide_pairs is unrolled for 32) and
 * layers whose shifts leave [-23, -2] still take the int8 blocks (about 1.6-2.3 per MAC when
 * small); an input not word-aligned (never an arena buffer) makes the widened rows' call compute
 * every output in C (fc_wide_tail, about 2 per MAC).
 */
#include "tx_fully_connected_s8_body.h"

#include "tx_arm_dsp.h"
#include "tx_arm_dsp_paths.h"
#include "tx_arm_dsp_requant.h"
#include "tx_fixed_point.h"
#include "tx_kernel_args.h"

int32_t tx_fully_connected_s8_scratch_size(const tx_shape4 *in_shape, const tx_shape4 *out_shape)
{
    (void)in_shape;
    (void)out_shape;
    return 0;
}

#if defined(__ARM_FEATURE_DSP)
/* a * b when it is at most INT32_MAX, else 0 (never a product of two factors in [1, INT32_MAX]).
 * One UMULL and a test of the high word and the sign: tx_mul_s32_fits's portable form (no 64-bit
 * multiply, for the MSP430) costs about 25 instructions per factor here. */
static uint32_t fc_mul_fits(uint32_t a, uint32_t b)
{
    const uint64_t product = (uint64_t)a * b;
    return product <= (uint64_t)INT32_MAX ? (uint32_t)product : 0u;
}

/* tx_fully_connected_s8_valid (the same conditions, tx_shape4_valid's included, but those on
 * the weights, multipliers and shifts, which widened rows do not have: the callers check them) at
 * about a third of its cost, which matters on layers of a few hundred MACs; *in_features =
 * h * w * c. */
static int fc_args_valid(const tx_fully_connected_s8_params *p, const tx_shape4 *in_shape,
                         const int8_t *in, const tx_shape4 *out_shape, const int8_t *out,
                         int32_t *in_features)
{
    uint32_t features;
    if (p == 0 || in_shape == 0 || in == 0 || out_shape == 0 || out == 0) {
        return 0;
    }
    if (in_shape->n <= 0 || in_shape->h <= 0 || in_shape->w <= 0 || in_shape->c <= 0) {
        return 0;
    }
    /* every factor is in [1, INT32_MAX], so a product that fits is never 0 and 0 stays 0 */
    features = fc_mul_fits((uint32_t)in_shape->h, (uint32_t)in_shape->w);
    features = fc_mul_fits(features, (uint32_t)in_shape->c);
    if (fc_mul_fits(features, (uint32_t)in_shape->n) == 0u) {
        return 0;
    }
    *in_features = (int32_t)features;
    return out_shape->n == in_shape->n && out_shape->h == 1 && out_shape->w == 1
        && out_shape->c > 0 && tx_output_s8_valid(p->output_offset, p->act_min, p->act_max);
}
#endif

#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
#include "tx_arm_dsp_fc_blocks.h"

/* The row's groups expanded (input offset added) into col, two words per group. */
static void expand_row(int32_t *col, const int8_t *x, int32_t groups, int32_t off2)
{
    int32_t t0, t1;
    __asm__ volatile("1:\n\t"
                     "ldr     %2, [%1], #4\n\t"
                     "sxtab16 %3, %5, %2\n\t"
                     "sxtab16 %2, %5, %2, ror #8\n\t"
                     "strd    %3, %2, [%0], #8\n\t"
                     "subs    %4, %4, #1\n\t"
                     "bne     1b"
                     : "+r"(col), "+r"(x), "=&r"(t0), "=&r"(t1), "+r"(groups)
                     : "r"(off2)
                     : "memory", "cc");
}

/* acc0 + the expanded row col (groups of four) times the int8 weights w0, acc1 likewise with
 * w1: each expanded input serves both. */
static void fc_col_dot2(const int32_t *col, const int8_t *w0, const int8_t *w1, int32_t groups,
                        int32_t *acc0, int32_t *acc1)
{
    int32_t a0 = *acc0;
    int32_t a1 = *acc1;
    int32_t g;
    for (g = 0; g < groups; g++) {
        const int32_t x02 = col[2 * g];
        const int32_t x13 = col[2 * g + 1];
        const int32_t wa = tx_dsp_load4(w0 + 4 * g);
        const int32_t wb = tx_dsp_load4(w1 + 4 * g);
        a0 = __smlad(x02, __sxtb16(wa), a0);
        a0 = __smlad(x13, tx_dsp_sxtb16_ror8(wa), a0);
        a1 = __smlad(x02, __sxtb16(wb), a1);
        a1 = __smlad(x13, tx_dsp_sxtb16_ror8(wb), a1);
    }
    *acc0 = a0;
    *acc1 = a1;
}

/* acc + the expanded row col (groups of four) times the int8 weights w. */
static int32_t fc_col_dot1(const int32_t *col, const int8_t *w, int32_t groups, int32_t acc)
{
    int32_t g;
    for (g = 0; g < groups; g++) {
        const int32_t wa = tx_dsp_load4(w + 4 * g);
        acc = __smlad(col[2 * g], __sxtb16(wa), acc);
        acc = __smlad(col[2 * g + 1], tx_dsp_sxtb16_ror8(wa), acc);
    }
    return acc;
}

/* Output o of acc: the 32-bit output stage of tx_arm_dsp_requant.h when its shift allows,
 * else tx_requantize_s8. */
static int8_t fc_requantize(const tx_fully_connected_s8_params *p, int32_t o, int32_t acc)
{
    const int32_t shift = p->shifts[o];
    if (tx_dsp_requant_out_ok(shift)) {
        const int32_t v = tx_asr_s32(
            tx_dsp_smmla(acc, p->multipliers[o], tx_dsp_requant_out_c(p->output_offset, shift)),
            tx_dsp_requant_out_k(shift));
        return (int8_t)tx_clamp_s32(v, p->act_min, p->act_max);
    }
    return tx_requantize_s8(acc, p->multipliers[o], shift, p->output_offset, p->act_min,
                            p->act_max);
}

/* Outputs [o, o_end) of one row from its expanded col, two at a time: the outputs after the last
 * block of four and the blocks fc_blocks4 hands back. */
static void fc_col_outputs(const tx_fully_connected_s8_params *p, const int32_t *col,
                           const int8_t *weights, const int32_t *bias, int32_t in_features,
                           int32_t o, int32_t o_end, int8_t *dst)
{
    const int32_t groups = in_features >> 2;
    for (; o + 1 < o_end; o += 2) {
        int32_t acc0 = bias != 0 ? bias[o] : INT32_C(0);
        int32_t acc1 = bias != 0 ? bias[o + 1] : INT32_C(0);
        fc_col_dot2(col, weights + (int64_t)o * in_features,
                    weights + (int64_t)(o + 1) * in_features, groups, &acc0, &acc1);
        dst[o] = fc_requantize(p, o, acc0);
        dst[o + 1] = fc_requantize(p, o + 1, acc1);
    }
    if (o < o_end) {
        dst[o] = fc_requantize(p, o, fc_col_dot1(col, weights + (int64_t)o * in_features, groups,
                                                 bias != 0 ? bias[o] : INT32_C(0)));
    }
}

/* Rows of exactly eight inputs, the weights word-aligned (LDRD): fc_blocks4x8. */
static int fc_blocks4x8_applies(int32_t in_features, const int8_t *weights)
{
    return in_features == 8 && ((uintptr_t)weights & 3u) == 0u;
}

/* Outputs [o, o_end) of one row in blocks of `block` (3: fc_blocks3, 4: fc_blocks4; o_end - o a
 * multiple of it), a block whose shifts the asm output stage does not take computed exactly by
 * fc_col_outputs; returns o_end. */
static int32_t fc_run_blocks(fc_state *st, const tx_fully_connected_s8_params *p,
                             const int32_t *col, const int8_t *weights, const int32_t *bias,
                             const int32_t *no_bias, int8_t *dst, int32_t o, int32_t o_end,
                             int32_t block)
{
    st->bias_step = bias != 0 ? 4 * block : 0;
    while (o < o_end) {
        st->w = weights + (int64_t)o * st->n;
        st->bias = bias != 0 ? bias + o : no_bias;
        st->mult = p->multipliers + o;
        st->shift = p->shifts + o;
        st->out = dst + o;
        st->out_end = dst + o_end;
        if (block == 3) {
            if (TX_FULLY_CONNECTED_S8_PATH_BLOCKS3) {
                fc_blocks3(st);
            }
        } else if (fc_blocks4x8_applies(st->n, weights)) {
            if (TX_FULLY_CONNECTED_S8_PATH_BLOCKS4X8) {
                fc_blocks4x8(st);
            }
        } else if (TX_FULLY_CONNECTED_S8_PATH_BLOCKS4) {
            fc_blocks4(st);
        }
        o = (int32_t)(st->out - dst);
        if (o < o_end) { /* a block outside the fast shifts */
            fc_col_outputs(p, col, weights, bias, st->n, o, o + block, dst);
            o += block;
        }
    }
    return o;
}

#include "tx_arm_dsp_fc_wide.h"

/* The last `count` outputs of a batch row from their widened rows (tx_arm_dsp_fc_wide.h) in C,
 * after the asm loop's last pair or four; st->out advanced past them. Out of line: the common
 * calls need none of its registers. */
__attribute__((noinline)) static void fc_wide_tail(fc_wide_state *st, const int32_t *row,
                                                   int32_t n, int32_t count)
{
    int32_t g;
    for (; count > 0; count--) {
        int32_t acc = row[0];
        for (g = 0; g < n >> 2; g++) {
            const int32_t xv = tx_dsp_load4(st->x + 4 * g);
            acc = __smlad(__sxtab16(st->off2, xv), row[1 + 2 * g], acc);
            acc = __smlad(tx_dsp_sxtab16_ror8(st->off2, xv), row[2 + 2 * g], acc);
        }
        row += 1 + (n >> 1);
        *st->out++ = (int8_t)tx_dsp_ssat8(tx_asr_s32(tx_dsp_smmla(acc, row[0], row[1]), row[2]));
        row += 3;
    }
}

/* The outputs [out, end) clamped to [lo, hi] (the asm loops saturate to int8 only). */
__attribute__((noinline)) static void fc_wide_clamp(int8_t *out, const int8_t *end, int32_t lo,
                                                    int32_t hi)
{
    for (; out < end; out++) {
        *out = (int8_t)tx_clamp_s32(*out, lo, hi);
    }
}

/* The call for a layer the compiler passed as widened rows (NULL weights, the rows in place of
 * the bias, shapes (batches, 1, 1, n) and (batches, 1, 1, out_features)): rows of eight inputs in
 * fc_wide8, rows of a multiple of 32 in fc_wide_pairs, the outputs after their last four or pair
 * in C, then the clamp to [act_min, act_max] when it is narrower than int8. The shapes' h and w
 * of 1 keep the argument check to comparisons (about 25 instructions against fc_args_valid's 45). */
static tx_status fc_wide(const tx_fully_connected_s8_params *p, const tx_shape4 *in_shape,
                         const int8_t *in, const int32_t *rows, const tx_shape4 *out_shape,
                         int8_t *out)
{
    int32_t n;
    int32_t out_features;
    int32_t first_c;
    int32_t b;
    fc_wide_state st;
    if (p == 0 || in_shape == 0 || in == 0 || out_shape == 0 || out == 0 || in_shape->n <= 0
        || in_shape->h != 1 || in_shape->w != 1 || out_shape->n != in_shape->n
        || out_shape->h != 1 || out_shape->w != 1 || out_shape->c <= 0
        || !tx_output_s8_valid(p->output_offset, p->act_min, p->act_max)) {
        return TX_ERR_ARGUMENT;
    }
    n = in_shape->c;
    if (!(n == 8 ? TX_FULLY_CONNECTED_S8_PATH_WIDE8
                 : n > 0 && n % 32 == 0 && TX_FULLY_CONNECTED_S8_PATH_WIDE_PAIRS)) {
        return TX_ERR_ARGUMENT;
    }
    out_features = out_shape->c;
    /* fc_wide_pairs reads the inputs with LDRD: from an input not word-aligned (the compiler's
     * arena offsets are), every output is computed in C */
    first_c = n == 8 ? out_features & ~3
                     : ((uintptr_t)in & 3u) == 0u ? out_features & ~1 : 0;
    st.x = in;
    st.stride = 4 * TX_FC_WIDE_ROW_WORDS(n);
    st.off2 = tx_dsp_dup16(p->input_offset);
    st.out = out;
    for (b = 0; b < in_shape->n; b++) {
        st.rows = rows;
        st.x_end = st.x + n;
        st.out_end = st.out + first_c;
        if (first_c > 0) {
            if (n == 8) {
                if (TX_FULLY_CONNECTED_S8_PATH_WIDE8) {
                    fc_wide8(&st);
                }
            } else if (TX_FULLY_CONNECTED_S8_PATH_WIDE_PAIRS) {
                fc_wide_pairs(&st);
            }
        }
        if (first_c < out_features) {
            fc_wide_tail(&st, rows + (int64_t)first_c * TX_FC_WIDE_ROW_WORDS(n), n,
                         out_features - first_c);
        }
        st.x = st.x_end;
    }
    if (p->act_min != -128 || p->act_max != 127) {
        fc_wide_clamp(out, st.out, p->act_min, p->act_max);
    }
    return TX_OK;
}
#endif

tx_status tx_fully_connected_s8(const tx_fully_connected_s8_params *p, const tx_shape4 *in_shape,
                                const int8_t *in, const int8_t *weights, const int32_t *bias,
                                const tx_shape4 *out_shape, int8_t *out)
{
    int32_t batches;
    int32_t in_features;
    int32_t out_features;
    int32_t b;
    int32_t o = 0;
#if defined(__ARM_FEATURE_DSP)
    int32_t off2;
#else
    int32_t i;
#endif

#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
    if ((TX_FULLY_CONNECTED_S8_PATH_WIDE8 || TX_FULLY_CONNECTED_S8_PATH_WIDE_PAIRS) && weights == 0
        && bias != 0) {
        return fc_wide(p, in_shape, in, bias, out_shape, out);
    }
    if (!TX_FULLY_CONNECTED_S8_PATH_ROW && !TX_FULLY_CONNECTED_S8_PATH_PAIRS) {
        /* a build with widened rows only (tx_arm_dsp_paths.h): every other call takes a path it
         * left out, and GCC keeps the argument check below though each of its outcomes is this
         * one (about 180 bytes in VWW) */
        return TX_ERR_ARGUMENT;
    }
#endif
#if defined(__ARM_FEATURE_DSP)
    if (!fc_args_valid(p, in_shape, in, out_shape, out, &in_features) || weights == 0
        || p->multipliers == 0 || p->shifts == 0) {
        return TX_ERR_ARGUMENT;
    }
#else
    if (!tx_fully_connected_s8_valid(p, in_shape, in, weights, out_shape, out)) {
        return TX_ERR_ARGUMENT;
    }
    in_features = in_shape->h * in_shape->w * in_shape->c;
#endif
    batches = in_shape->n;
    out_features = out_shape->c;
#if defined(__ARM_FEATURE_DSP)
    off2 = tx_dsp_dup16(p->input_offset);
#endif
#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
    /* four outputs at a time over the expanded row: whole groups only (in_features a multiple
     * of 4); the outputs after the last block, and blocks whose shifts do not fit the 32-bit
     * output stage, are computed exactly from the same expanded row */
    if (in_features % 4 == 0 && in_features <= 4 * TX_FC_GROUPS) {
        const int32_t no_bias[4] = {0, 0, 0, 0};
        int32_t col[in_features >> 1];
        /* rows of whole groups of eight (at least two: one leaves too few MACs per block to pay
         * for a third of the outputs' blocks more) take three-output blocks, LDRD needing the
         * weights word-aligned (the compiler's arrays are); the last 4 or 8 outputs then go in
         * blocks of four when that leaves no remainder (out % 3 == 1 or 2) */
        const int use3 = in_features % 8 == 0 && in_features >= 16
            && ((uintptr_t)weights & 3u) == 0u;
        int32_t end3 = 0;
        int32_t end4 = out_features & ~3;
        fc_state st;
        if (use3) {
            /* out = 3 q + r: 3 (q - r) in threes and r blocks of four, or (out < 8) fours only */
            const int32_t q = out_features / 3;
            const int32_t r = out_features - 3 * q;
            if (4 * r <= out_features) {
                end3 = 3 * (q - r);
                end4 = out_features;
            }
        }
        /* the blocks this call runs must be compiled in (tx_arm_dsp_paths.h); fc_run_blocks ends
         * the threes at end3 */
        if (!TX_FULLY_CONNECTED_S8_PATH_ROW || (end3 > 0 && !TX_FULLY_CONNECTED_S8_PATH_BLOCKS3)
            || (end3 < end4 && !(fc_blocks4x8_applies(in_features, weights)
                                     ? TX_FULLY_CONNECTED_S8_PATH_BLOCKS4X8
                                     : TX_FULLY_CONNECTED_S8_PATH_BLOCKS4))) {
            return TX_ERR_ARGUMENT;
        }
        st.col = col;
        st.col_end = col + (in_features >> 1);
        st.n = in_features;
        st.groups = in_features >> 2;
        st.steps = in_features >> 3;
        st.passes = (st.groups + 3) >> 2;
        st.zp2p1 = 2 * p->output_offset + 1;
        st.clamp = p->act_min != -128 || p->act_max != 127;
        st.lo4 = ((uint32_t)p->act_min & UINT32_C(0xFF)) * UINT32_C(0x01010101);
        st.hi4 = ((uint32_t)p->act_max & UINT32_C(0xFF)) * UINT32_C(0x01010101);
        for (b = 0; b < batches; b++) {
            int8_t *dst = out + (int64_t)b * out_features;
            expand_row(col, in + (int64_t)b * in_features, in_features >> 2, off2);
            o = 0;
            if (end3 > 0) {
                o = fc_run_blocks(&st, p, col, weights, bias, no_bias, dst, 0, end3, 3);
            }
            if (o < end4) {
                o = fc_run_blocks(&st, p, col, weights, bias, no_bias, dst, o, end4, 4);
            }
            if (o < out_features) {
                fc_col_outputs(p, col, weights, bias, in_features, o, out_features, dst);
            }
        }
        return TX_OK;
    }
#endif
    for (b = 0; b < batches; b++) {
        const int8_t *row = in + (int64_t)b * in_features;
        int8_t *dst = out + (int64_t)b * out_features;
        o = 0;
#if defined(__ARM_FEATURE_DSP)
        if (!TX_FULLY_CONNECTED_S8_PATH_PAIRS) {
            return TX_ERR_ARGUMENT; /* a path this build left out (tx_arm_dsp_paths.h) */
        }
        for (; o + 1 < out_features; o += 2) {
            const int8_t *w0 = weights + (int64_t)o * in_features;
            int32_t acc0 = bias != 0 ? bias[o] : INT32_C(0);
            int32_t acc1 = bias != 0 ? bias[o + 1] : INT32_C(0);
            tx_dsp_dot2_s8(row, w0, w0 + in_features, in_features, p->input_offset, off2, &acc0,
                           &acc1);
            dst[o] = tx_requantize_s8(acc0, p->multipliers[o], p->shifts[o], p->output_offset,
                                      p->act_min, p->act_max);
            dst[o + 1] = tx_requantize_s8(acc1, p->multipliers[o + 1], p->shifts[o + 1],
                                          p->output_offset, p->act_min, p->act_max);
        }
        if (o < out_features) {
            int32_t acc = bias != 0 ? bias[o] : INT32_C(0);
            acc = tx_dsp_dot1_s8(row, weights + (int64_t)o * in_features, in_features,
                                 p->input_offset, off2, acc);
            dst[o] = tx_requantize_s8(acc, p->multipliers[o], p->shifts[o], p->output_offset,
                                      p->act_min, p->act_max);
        }
#else
        for (; o < out_features; o++) {
            const int8_t *w = weights + (int64_t)o * in_features;
            int32_t acc = bias != 0 ? bias[o] : INT32_C(0);
            for (i = 0; i < in_features; i++) {
                const int32_t x = (int32_t)row[i] + p->input_offset;
                acc = tx_add_wrap_s32(acc, x * (int32_t)w[i]);
            }
            dst[o] = tx_requantize_s8(acc, p->multipliers[o], p->shifts[o], p->output_offset,
                                      p->act_min, p->act_max);
        }
#endif
    }
    return TX_OK;
}
