/*
 * Scalar Cortex-M variant of tx_add_s8 for cores without the DSP extension (cortex-m0,
 * cortex-m3): same name, signature and bits as runtime-c/src/tx_add_s8.c. On cortex-m3 the
 * reference's three requantizations an element (each input's, then the sum's) rounded once as
 * tx_scalar_requant.h says, with each stage's shift and rounding addend computed once a call:
 * SMLAL, then a 64-bit shift (ResNet-8's Adds on cortex-m3: 80 -> 63 instructions an element).
 * cortex-m0 keeps the reference loop.
 */
#include "tx_add_s8_body.h"

#include "tx_fixed_point.h"

#if defined(__thumb2__)
/* tx_requantize(acc, m, 31 - r) = floor((acc m + 2^(r - 1)) / 2^r) (tx_scalar_requant.h), r in
 * [1, 62] and the addend given: SMULL, a 64-bit add and a 64-bit shift. The sum stays below 2^63
 * in magnitude (|acc m| < 2^62). */
static inline int32_t stage(int32_t acc, int32_t m, int32_t r, int64_t addend)
{
    return tx_wrap_s32((uint32_t)tx_asr_s64((int64_t)acc * (int64_t)m + addend, r));
}
#endif

tx_status tx_add_s8(const tx_add_s8_params *p, const tx_shape4 *shape, const int8_t *in1,
                    const int8_t *in2, int8_t *out)
{
    const int32_t count = tx_add_s8_count(p, shape, in1, in2, out);
    if (count < 0) {
        return TX_ERR_ARGUMENT;
    }
#if defined(__thumb2__)
    {
        /* each stage's shift and rounding addend once a call */
        const int32_t r1 = 31 - p->input1_shift;
        const int32_t r2 = 31 - p->input2_shift;
        const int32_t ro = 31 - p->output_shift;
        const int64_t a1 = INT64_C(1) << (r1 - 1);
        const int64_t a2 = INT64_C(1) << (r2 - 1);
        const int64_t ao = INT64_C(1) << (ro - 1);
        int32_t i;
        for (i = 0; i < count; i++) {
            const int32_t a = stage(tx_add_s8_shifted(p->input1_offset, in1[i], p->left_shift),
                                    p->input1_multiplier, r1, a1);
            const int32_t b = stage(tx_add_s8_shifted(p->input2_offset, in2[i], p->left_shift),
                                    p->input2_multiplier, r2, a2);
            const int32_t v = stage(tx_add_wrap_s32(a, b), p->output_multiplier, ro, ao);
            out[i] = (int8_t)tx_clamp_s32(tx_add_wrap_s32(v, p->output_offset), p->act_min,
                                          p->act_max);
        }
    }
#else
    /* cortex-m0: its 64-bit products and shifts are library calls whatever the form, and an Add's
     * larger-scale input always has shift 0, beyond the high word's reach (tx_scalar_requant.h) */
    tx_add_s8_reference(p, count, in1, in2, out);
#endif
    return TX_OK;
}

int32_t tx_add_s8_scratch_size(const tx_add_s8_params *p, const tx_shape4 *shape)
{
    (void)p;
    (void)shape;
    return 0;
}
