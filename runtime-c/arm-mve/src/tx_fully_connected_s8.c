/*
 * Helium (MVE, Cortex-M55) variant of tx_fully_connected_s8 (same name, signature and bits as
 * runtime-c/src/tx_fully_connected_s8.c): four output features at a time share each load of 16
 * inputs, multiplied and summed with VMLADAVA.S8; the input offset is folded in as
 * offset * (the feature's weight sum), summed in the same loop (see tx_arm_mve.h for why this is
 * bit-exact), and the requantization is vectorised over the four features (tx_mve_out4).
 * Without MVE it is the reference loop.
 */
#include "tx_fully_connected_s8_body.h"

#include "tx_arm_mve.h"

#include "tx_fixed_point.h"
#include "tx_kernel_args.h"

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
    int32_t batches;
    int32_t in_features;
    int32_t out_features;
    int32_t b;
    int32_t o;
    int32_t i;

    if (!tx_fully_connected_s8_valid(p, in_shape, in, weights, out_shape, out)) {
        return TX_ERR_ARGUMENT;
    }
    batches = in_shape->n;
    in_features = in_shape->h * in_shape->w * in_shape->c;
    out_features = out_shape->c;

#if defined(TX_MVE)
    {
        tx_mve_out out4;
        tx_mve_out_init(&out4, p->multipliers, p->shifts, out_features, p->output_offset,
                        p->act_min, p->act_max);
        for (b = 0; b < batches; b++) {
            const int8_t *row = in + (int64_t)b * in_features;
            int8_t *dst = out + (int64_t)b * out_features;
            for (o = 0; o < out_features; o += 4) {
                const int32_t count = out_features - o < 4 ? out_features - o : 4;
                const mve_pred16_t p4 = vctp32q((uint32_t)count);
                const int32x4_t start = bias != 0 ? vldrwq_z_s32(bias + o, p4) : vdupq_n_s32(0);
                const int32x4_t acc = tx_mve_dot4_offset(row, weights + (int64_t)o * in_features,
                                                         in_features, in_features, count,
                                                         p->input_offset, start);
                tx_mve_out4(&out4, acc, o, dst, count);
            }
        }
        return TX_OK;
    }
#endif
    for (b = 0; b < batches; b++) {
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
    return TX_OK;
}
