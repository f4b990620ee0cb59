/*
 * The reference arithmetic of tx_fully_connected_s8 (twin of dev.tenax.kernels.FullyConnectedS8):
 * the argument check and the TFLite reference loops, only defined arithmetic. Shared by the
 * portable kernel (runtime-c/src) and the optimized variants, which fall back to it for the cases
 * their fast paths do not cover: include it in the kernel's source only.
 */
#ifndef TX_FULLY_CONNECTED_S8_BODY_H
#define TX_FULLY_CONNECTED_S8_BODY_H

#include "tx_fixed_point.h"
#include "tx_fully_connected_s8.h"
#include "tx_kernel_args.h"

/* 1 when the pointers are set and the parameters and shapes are consistent. inline: the DSP
 * variant checks the same conditions in a cheaper form and leaves it unused. */
static inline int tx_fully_connected_s8_valid(const tx_fully_connected_s8_params *p,
                                              const tx_shape4 *in_shape, const int8_t *in,
                                              const int8_t *weights, const tx_shape4 *out_shape,
                                              const int8_t *out)
{
    if (p == 0 || in_shape == 0 || in == 0 || weights == 0 || out_shape == 0 || out == 0
        || p->multipliers == 0 || p->shifts == 0) {
        return 0;
    }
    return tx_shape4_valid(in_shape) && out_shape->n == in_shape->n && out_shape->h == 1
        && out_shape->w == 1 && out_shape->c > 0
        && tx_output_s8_valid(p->output_offset, p->act_min, p->act_max);
}

/* Batch rows [b0, b1) of a valid call. */
/* inline: a variant that needs only the check leaves it unused without a warning. */
static inline void tx_fully_connected_s8_reference(const tx_fully_connected_s8_params *p,
                                                   const tx_shape4 *in_shape, const int8_t *in,
                                                   const int8_t *weights, const int32_t *bias,
                                                   const tx_shape4 *out_shape, int8_t *out,
                                                   int32_t b0, int32_t b1)
{
    const int32_t in_features = in_shape->h * in_shape->w * in_shape->c;
    const int32_t out_features = out_shape->c;
    int32_t b;
    int32_t o;
    int32_t i;

    for (b = b0; b < b1; b++) {
        const int8_t *row = in + (int64_t)b * in_features;
        for (o = 0; o < out_features; o++) {
            const int8_t *w = weights + (int64_t)o * in_features;
            int32_t acc = bias != 0 ? bias[o] : INT32_C(0);
            for (i = 0; i < in_features; i++) {
                const int32_t x = (int32_t)row[i] + p->input_offset;
                acc = tx_add_wrap_s32(acc, x * (int32_t)w[i]);
            }
            out[(int64_t)b * out_features + o] = tx_requantize_s8(acc, p->multipliers[o],
                p->shifts[o], p->output_offset, p->act_min, p->act_max);
        }
    }
}

#endif /* TX_FULLY_CONNECTED_S8_BODY_H */
