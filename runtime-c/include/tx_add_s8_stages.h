/*
 * When the optimized tx_add_s8 variants (runtime-c/arm-dsp/src, runtime-c/arm-mve/src) may use
 * the 32-bit stages of tx_arm_dsp_requant.h: each input as stage 2 (SMMULR of (x + offset) << e),
 * the output as stage 1 (SMMLA, then a shift). Plain C, included only by those kernels.
 */
#ifndef TX_ADD_S8_STAGES_H
#define TX_ADD_S8_STAGES_H

#include "tx_add_s8.h"
#include "tx_arm_dsp_requant.h"

/* e of input stage 2 in tx_arm_dsp_requant.h, or -1 when that stage is not exact. */
static inline int32_t tx_add_s8_input_exponent(int32_t offset, int32_t shift, int32_t left_shift)
{
    const int32_t e = left_shift + 1 + shift;
    if (offset < -128 || offset > 128 || left_shift > 22 || e < 0 || e > 22) {
        return -1;
    }
    return e;
}

/* 1 when both inputs and the output take the 32-bit stages (TFLite-style parameters always do),
 * with the inputs' exponents in *e1, *e2. */
static inline int tx_add_s8_stages_ok(const tx_add_s8_params *p, int32_t *e1, int32_t *e2)
{
    *e1 = tx_add_s8_input_exponent(p->input1_offset, p->input1_shift, p->left_shift);
    *e2 = tx_add_s8_input_exponent(p->input2_offset, p->input2_shift, p->left_shift);
    return *e1 >= 0 && *e2 >= 0 && tx_dsp_requant_out_ok(p->output_shift)
        && p->output_offset >= -128 && p->output_offset <= 127 && p->act_min >= -128
        && p->act_max <= 127 && p->act_min <= p->act_max;
}

#endif /* TX_ADD_S8_STAGES_H */
