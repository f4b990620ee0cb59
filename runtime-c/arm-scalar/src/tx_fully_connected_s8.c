/*
 * Scalar Cortex-M variant of tx_fully_connected_s8 for cores without the DSP extension
 * (cortex-m0, cortex-m3): same name, signature and bits as runtime-c/src/tx_fully_connected_s8.c.
 * Each input row is widened once to int16 with the input offset added, in a local array sized
 * per call, and two output features at a time go over it (tx_scalar_dot.h), sharing each load
 * of an input. Rows of more than TX_SCALAR_FC_ROW inputs take the reference loop.
 */
#include "tx_fully_connected_s8_body.h"

#include "tx_fixed_point.h"
#include "tx_scalar_dot.h"

/* The longest input row widened on the stack (2 bytes an input). */
#define TX_SCALAR_FC_ROW 1024

int32_t tx_fully_connected_s8_scratch_size(const tx_shape4 *in_shape, const tx_shape4 *out_shape)
{
    (void)in_shape;
    (void)out_shape;
    return 0;
}

tx_status tx_fully_connected_s8(const tx_fully_connected_s8_params *p, const tx_shape4 *in_shape,
                                const int8_t *in, const int8_t *weights, const int32_t *bias,
                                const tx_shape4 *out_shape, int8_t *out)
{
    int32_t in_features;
    int32_t b;
    if (!tx_fully_connected_s8_valid(p, in_shape, in, weights, out_shape, out)) {
        return TX_ERR_ARGUMENT;
    }
    in_features = in_shape->h * in_shape->w * in_shape->c;
    if (in_features > TX_SCALAR_FC_ROW) {
        tx_fully_connected_s8_reference(p, in_shape, in, weights, bias, out_shape, out, 0,
                                        in_shape->n);
        return TX_OK;
    }
    {
        int16_t row[in_features];
#if defined(__ARM_ARCH_6M__)
        /* cortex-m0's assembly groups take it (tx_scalar_features) */
        const int high_word = tx_scalar_high_word(p->shifts, out_shape->c);
#else
        /* only cortex-m0's routines read it: no scan of the shifts, which GCC no longer drops
         * since tx_scalar_features is shared (TX_SCALAR_SHARED) */
        const int high_word = 0;
#endif
        for (b = 0; b < in_shape->n; b++) {
            tx_scalar_widen(in, p->input_offset, row, in_features);
            tx_scalar_features(row, in_features, weights, out_shape->c, bias, p->multipliers,
                               p->shifts, p->output_offset, p->act_min, p->act_max, high_word,
                               out);
            in += in_features;
            out += out_shape->c;
        }
    }
    return TX_OK;
}
