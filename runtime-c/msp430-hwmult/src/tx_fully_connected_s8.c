/*
 * MSP430 hardware-multiplier variant of tx_fully_connected_s8 (same name, signature and bits as
 * runtime-c/src/tx_fully_connected_s8.c). Each output is one dot product on MACS with the bias
 * preloaded into the accumulator (tx_msp430_hwmult.h says why that is bit-exact), then the
 * 16x16-product requantization. A row of at most TX_HW_FC_ROW inputs is first widened, with the
 * input offset added, into an int16 copy on the stack that every output reuses (12 cycles a
 * term instead of 15). Input offsets beyond +-32000, where x + offset would overflow 16 bits,
 * are rejected (TX_ERR_ARGUMENT) rather than linking the reference loops in: the compiler's are
 * in [-127, 128], and FRAM below 64 KB decides which models fit.
 */
#include "tx_fully_connected_s8.h"

#include "tx_fully_connected_s8_body.h"
#include "tx_msp430_hwmult.h"

/* 256 bytes of stack: the FR5969's whole reserve is 768 (qemu/msp430fr5969). */
#define TX_HW_FC_ROW 128

int32_t tx_fully_connected_s8_scratch_size(const tx_shape4 *in_shape, const tx_shape4 *out_shape)
{
    (void)in_shape;
    (void)out_shape;
    return 0;
}

/* Outputs of one batch row: out[o] for o < out_features. */
static void row_outputs(const tx_fully_connected_s8_params *p, const int8_t *row,
                        const int8_t *weights, const int32_t *bias, uint16_t in_features,
                        uint16_t out_features, int8_t *out)
{
    int16_t wide[TX_HW_FC_ROW];
    const int16_t offset = (int16_t)p->input_offset;
    const int use_wide = in_features <= TX_HW_FC_ROW;
    const int8_t *w = weights;
    uint16_t o;
    uint16_t i;
    tx_hw_acc a;
    tx_hw_requant q;

    tx_hw_requant_init(&q, p->multipliers, p->shifts, p->output_offset, p->act_min, p->act_max);
    if (use_wide) {
        for (i = 0u; i < in_features; i++) {
            wide[i] = (int16_t)(row[i] + offset);
        }
    }
    for (o = 0u; o < out_features; o++) {
        int32_t acc;
        tx_hw_acc_begin(&a, bias != 0 ? bias[o] : INT32_C(0));
        if (use_wide) {
            tx_hw_mac_s16(&a, wide, w, in_features);
        } else {
            tx_hw_mac_s8(&a, row, w, in_features, offset);
        }
        acc = tx_hw_acc_end(&a);
        out[o] = tx_hw_requantize_s8(&q, acc);
        w += in_features;
    }
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
    /* x + input_offset must fit int16 and the counts 16 bits (always so in a 64 KB space). */
    if (p->input_offset < INT32_C(-32000) || p->input_offset > INT32_C(32000)
        || in_features > INT32_C(0x7FFF) || out_shape->c > INT32_C(0x7FFF)) {
        return TX_ERR_ARGUMENT;
    }
    /* Pointer steps rather than b * in_features: a 64-bit product is a software helper. */
    for (b = 0; b < in_shape->n; b++) {
        row_outputs(p, in, weights, bias, (uint16_t)in_features, (uint16_t)out_shape->c, out);
        in += in_features;
        out += out_shape->c;
    }
    return TX_OK;
}
