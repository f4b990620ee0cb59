/*
 * MSP430 hardware-multiplier variant of tx_fully_connected_s8 (same name and signature as
 * runtime-c/src/tx_fully_connected_s8.c; same bits for the operands in Winograd's format, which
 * the compiler writes for this kernel: tx_msp430_hwmult.h and dev.tenax.codegen.Msp430FcOperands).
 * The weights come as w XOR 0x80 and the bias with the sum of each row's weight pairs taken off,
 * so a dot product needs one multiplication per two MACs (8 cycles a MAC instead of 12). Each
 * output is one dot product on MACS with the bias, less the input pairs' sum, preloaded into the
 * accumulator, then the 16x16-product requantization. The row is first widened, with the input
 * offset added and 128 taken off, into an int16 copy on the stack that the outputs reuse, in
 * chunks of TX_HW_FC_ROW inputs when it is longer (row_outputs). Input offsets beyond +-32000,
 * where the factors would overflow 16 bits, are rejected (TX_ERR_ARGUMENT) rather than linking
 * the reference loops in: the compiler's are in [-127, 128], and FRAM below 64 KB decides which
 * models fit.
 */
#include "tx_fully_connected_s8.h"

#include "tx_fully_connected_s8_body.h"
#include "tx_msp430_hwmult.h"

/* Stack: int16 inputs and 64 bytes of partial sums. 256 bytes of inputs on the FR5969, whose
 * whole reserve is 768 (qemu/msp430fr5969), 512 on the FR5994 (1 KB reserved), where rows of up
 * to 256 inputs are widened once for all outputs. Even, so that a chunk never splits a pair
 * (2k, 2k + 1) of the row. */
#if defined(__MSP430FR5969__)
#define TX_HW_FC_ROW 128
#else
#define TX_HW_FC_ROW 256
#endif
#define TX_HW_FC_BLOCK 16

int32_t tx_fully_connected_s8_scratch_size(const tx_shape4 *in_shape, const tx_shape4 *out_shape)
{
    (void)in_shape;
    (void)out_shape;
    return 0;
}

/*
 * Outputs of one batch row: out[o] for o < out_features. Rows longer than TX_HW_FC_ROW go in
 * chunks of that many inputs, each widened once (with its input pairs' sum) for a block of
 * TX_HW_FC_BLOCK outputs whose partial sums wait on the stack between chunks: reloading a partial
 * sum into the accumulator costs ~20 cycles a chunk, against 3 cycles a term for multiplying
 * int8 inputs in place. Resuming from a partial sum is exact, as MACS and the reference both add
 * modulo 2^32.
 */
static void row_outputs(const tx_fully_connected_s8_params *p, const int8_t *row,
                        const int8_t *weights, const int32_t *bias, uint16_t in_features,
                        uint16_t out_features, int8_t *out)
{
    int16_t wide[TX_HW_FC_ROW];
    uint32_t partial[TX_HW_FC_BLOCK];
    const int16_t offset = (int16_t)p->input_offset;
    const int one_chunk = in_features <= TX_HW_FC_ROW;
    uint32_t input_pairs = 0u;
    uint16_t o0;
    tx_hw_requant q;

#if defined(TX_HW_PAIR_ROWS_ASM)
    /* a row of one chunk keeps no partial sums: all its outputs are one block */
    const uint16_t block_max = one_chunk && bias != 0 ? out_features : TX_HW_FC_BLOCK;
#else
    const uint16_t block_max = TX_HW_FC_BLOCK;
#endif

    tx_hw_requant_init(&q, p->multipliers, p->shifts, p->output_offset, p->act_min, p->act_max);
    for (o0 = 0u; o0 < out_features; o0 = (uint16_t)(o0 + block_max)) {
        const uint16_t left = (uint16_t)(out_features - o0);
        const uint16_t block = left < block_max ? left : block_max;
        const int8_t *chunk_w = weights; /* output o0's weights at the chunk's first input */
        uint16_t c0;
        uint16_t k;
        for (c0 = 0u; c0 < in_features; c0 = (uint16_t)(c0 + TX_HW_FC_ROW)) {
            const uint16_t rest = (uint16_t)(in_features - c0);
            const uint16_t len = rest < TX_HW_FC_ROW ? rest : TX_HW_FC_ROW;
            const int last = len == rest;
            const int8_t *w = chunk_w;
            if (!one_chunk || o0 == 0u) { /* a row of one chunk is widened once */
                input_pairs = (uint32_t)tx_hw_widen_pairs_s8(row + c0, len, offset, wide);
            }
#if defined(TX_HW_PAIR_ROWS_ASM)
            {
                /* the first chunk starts from the bias (0 without one), the last requantizes */
                tx_hw_pair_chunk s;
                const uint16_t pairs = (uint16_t)(len >> 1);
                if (c0 == 0u && bias == 0) {
                    for (k = 0u; k < block; k++) {
                        partial[k] = 0u;
                    }
                }
                s.row = wide;
                s.turns = (uint16_t)(pairs >> 3);
                s.rest = (uint16_t)(pairs & 7u);
                s.odd = (uint16_t)(len & 1u);
                s.skip = (uint16_t)(in_features - len);
                s.pairs_lo = (uint16_t)input_pairs;
                s.pairs_hi = (uint16_t)(input_pairs >> 16);
                s.zero_lo = (uint16_t)q.zero_point;
                s.zero_hi = (uint16_t)(q.zero_point >> 16);
                s.act_min = q.act_min;
                s.act_max = q.act_max;
                s.partial = last ? 0 : partial;
                tx_hw_pair_rows(&s, w, c0 != 0u || bias == 0 ? (const void *)partial : (const void *)(bias + o0),
                              &q, out + o0, block);
            }
#else
            /* the first chunk starts from the bias, the last requantizes: a one-chunk row keeps
             * no partial sums */
            for (k = 0u; k < block; k++) {
                const uint32_t start = c0 != 0u ? partial[k] : bias != 0 ? (uint32_t)bias[o0 + k] : 0u;
                const int32_t acc = tx_hw_dot_pairs(tx_wrap_s32(start - input_pairs), wide, w, len);
                if (last) {
                    out[o0 + k] = tx_hw_requantize_s8(&q, acc);
                } else {
                    partial[k] = (uint32_t)acc;
                }
                w += in_features;
            }
#endif
            chunk_w += len;
        }
        weights += (uint16_t)(block * in_features); /* < 64 KB: the weights are in it */
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
