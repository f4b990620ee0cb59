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

#include <stddef.h>

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
 * The last chunk of a block of outputs in one assembly loop (not in -Oz's TX_SMALL_CODE builds,
 * whose FRAM is too tight for a second copy of the loop): per output the accumulator is
 * preloaded with its start (bias or partial sum) less the chunk's input pairs' sum, the pairs
 * run on MACS, then the requantization's usual path (shift in [-31, -2], requantize_high in
 * tx_msp430_hwmult.c: the same steps), the clamp and the store, with no call and no register
 * saves between outputs: ~470 cycles an output in C around tx_hw_dot_pairs and the
 * requantization's call, ~200 here. A channel with another shift leaves the loop with its
 * accumulator, which C requantizes before coming back.
 */
#if defined(__MSP430__) && !defined(TX_SMALL_CODE)
#define TX_HW_FC_ASM 1

/* What the loop reads at fixed offsets (checked below). */
typedef struct {
    const int16_t *row;       /* 0: the widened chunk */
    uint16_t turns;           /* 2: pairs / 8 */
    uint16_t rest;            /* 4: pairs % 8 */
    uint16_t odd;             /* 6: the chunk's length & 1 */
    uint16_t skip;            /* 8: bytes from a row's chunk end to the next row's chunk start */
    uint16_t pairs_lo;        /* 10, 12: the chunk's input pairs' sum */
    uint16_t pairs_hi;
    uint16_t zero_lo;         /* 14, 16: the output zero point */
    uint16_t zero_hi;
    int16_t act_min;          /* 18, 20 */
    int16_t act_max;
    uint16_t sr;              /* 22: the interrupt state during an output */
    uint32_t *partial;        /* 24: where the accumulators go, 0 to requantize them */
} fc_chunk;

typedef char fc_chunk_layout_check[(offsetof(fc_chunk, skip) == 8u && offsetof(fc_chunk, zero_lo) == 14u
                                    && offsetof(fc_chunk, sr) == 22u
                                    && offsetof(fc_chunk, partial) == 24u) ? 1 : -1];

#define FC_STR2(x) #x
#define FC_STR(x) FC_STR2(x)
#define FC_REG(off) "&(" FC_STR(TX_MSP430_HWMULT_BASE) "+" #off ")"
#define FC_MPY FC_REG(0)
#define FC_MAC FC_REG(4)
#define FC_MACS FC_REG(6)
#define FC_OP2 FC_REG(8)
#define FC_RESLO FC_REG(10)
#define FC_RESHI FC_REG(12)
#define FC_SUMEXT FC_REG(14)
/* TX_HW_PAIR with absolute operand registers: the base needs no register of its own. */
#define FC_PAIR "mov.b @%[w]+, %[t]\n\tmov.b @%[w]+, %[v]\n\tadd @%[x]+, %[v]\n\tmov %[v], " FC_MACS "\n\t" \
                "add @%[x]+, %[t]\n\tmov %[t], " FC_OP2 "\n\t"
/* a1:x >>= 1 (arithmetic), four times: a 15-bit shift at most is left after the word move. */
#define FC_SHIFT4 "rra %[a1]\n\trrc %[x]\n\trra %[a1]\n\trrc %[x]\n\trra %[a1]\n\trrc %[x]\n\trra %[a1]\n\trrc %[x]\n\t"
#define FC_RESTORE_IRQ(label) "bit #8, 22(%[s])\n\tjz " label "\n\tnop\n\teint\n\tnop\n"

static void chunk_outputs(fc_chunk *s, const int8_t *w, const void *start, tx_hw_requant *q,
                          int8_t *out, uint16_t count)
{
    const int32_t *mp = q->multipliers;
    const int32_t *sh = q->shifts;
    while (count != 0u) {
        uint16_t x, a1, t, v;
        __asm__ volatile(
            "1:\n\t"
            "mov r2, 22(%[s])\n\tdint\n\tnop\n\t"
            "mov @%[st]+, %[t]\n\tmov @%[st]+, %[v]\n\t"            /* start less the pairs' sum */
            "sub 10(%[s]), %[t]\n\tsubc 12(%[s]), %[v]\n\t"
            "mov %[t], " FC_RESLO "\n\tmov %[v], " FC_RESHI "\n\t"
            "mov 0(%[s]), %[x]\n\tmov 2(%[s]), %[a1]\n\t"
            "tst %[a1]\n\tjz 3f\n"
            "2:\n\t"
            FC_PAIR FC_PAIR FC_PAIR FC_PAIR FC_PAIR FC_PAIR FC_PAIR FC_PAIR
            "dec %[a1]\n\tjnz 2b\n"
            "3:\n\t"
            "mov 4(%[s]), %[a1]\n\ttst %[a1]\n\tjz 5f\n"
            "4:\n\t"
            FC_PAIR
            "dec %[a1]\n\tjnz 4b\n"
            "5:\n\t"
            "tst 6(%[s])\n\tjz 6f\n\t"                               /* (y + 128) * (u - 128) */
            "mov @%[x]+, %[t]\n\tadd #128, %[t]\n\tmov %[t], " FC_MACS "\n\t"
            "mov.b @%[w]+, %[t]\n\tadd #-128, %[t]\n\tmov %[t], " FC_OP2 "\n"
            "6:\n\t"
            "add 8(%[s]), %[w]\n\t"
            "mov " FC_RESLO ", %[x]\n\tmov " FC_RESHI ", %[a1]\n\t" /* acc = a1:x */
            "mov 24(%[s]), %[v]\n\ttst %[v]\n\tjz 15f\n\t"        /* a partial sum to keep */
            "mov %[x], 0(%[v])\n\tmov %[a1], 2(%[v])\n\tadd #4, 24(%[s])\n\t"
            FC_RESTORE_IRQ("16f")
            "16:\n\t"
            "dec %[c]\n\tjnz 1b\n\tjmp 21f\n"
            "15:\n\t"
            "cmp #-1, 2(%[sh])\n\tjne 20f\n\t"                       /* shift in [-31, -2]? */
            "mov #-2, %[v]\n\tsub @%[sh], %[v]\n\tcmp #30, %[v]\n\tjhs 20f\n\t"
            /* floor(acc * m / 2^32) less m for acc < 0, as requantize_high */
            "mov @%[mp]+, %[t]\n\t"
            "mov %[x], " FC_MPY "\n\tmov %[t], " FC_OP2 "\n\t"
            "mov " FC_RESHI ", " FC_RESLO "\n\tmov #0, " FC_RESHI "\n\t"
            "mov %[a1], " FC_MAC "\n\tmov %[t], " FC_OP2 "\n\t"
            "mov @%[mp]+, %[t]\n\t"
            "mov %[x], " FC_MAC "\n\tmov %[t], " FC_OP2 "\n\t"
            "mov " FC_RESHI ", %[x]\n\tmov " FC_SUMEXT ", %[v]\n\t"
            "tst %[a1]\n\tjge 7f\n\t"
            "sub -4(%[mp]), %[x]\n\tsubc %[t], %[v]\n"
            "7:\n\t"
            "mov %[x], " FC_RESLO "\n\tmov %[v], " FC_RESHI "\n\t"
            "mov %[a1], " FC_MAC "\n\tmov %[t], " FC_OP2 "\n\t"
            "mov " FC_RESLO ", %[x]\n\tmov " FC_RESHI ", %[a1]\n\t"
            FC_RESTORE_IRQ("8f")
            "8:\n\t"
            "mov #-2, %[t]\n\tsub @%[sh]+, %[t]\n\tincd %[sh]\n\t"  /* j, then hi:lo = a1:x >> j */
            "cmp #16, %[t]\n\tjlo 9f\n\t"
            "mov %[a1], %[x]\n\trla %[a1]\n\tsubc %[a1], %[a1]\n\tinv %[a1]\n\tsub #16, %[t]\n"
            "9:\n\t"                      /* into the unrolled shifts, 4 bytes a bit: 7 + 2j cycles */
            "rla %[t]\n\trla %[t]\n\tmov #11f, %[v]\n\tsub %[t], %[v]\n\tmov %[v], r0\n\t"
            FC_SHIFT4 FC_SHIFT4 FC_SHIFT4 FC_SHIFT4
            "11:\n\t"
            "add #1, %[x]\n\taddc #0, %[a1]\n\trra %[a1]\n\trrc %[x]\n\t" /* rounding */
            "add 14(%[s]), %[x]\n\taddc 16(%[s]), %[a1]\n\t"              /* zero point */
            "mov %[x], %[t]\n\trla %[t]\n\tsubc %[t], %[t]\n\tinv %[t]\n\t"
            "cmp %[t], %[a1]\n\tjeq 12f\n\t"                              /* beyond int16 */
            "mov #0x7FFF, %[x]\n\ttst %[a1]\n\tjge 12f\n\tmov #0x8000, %[x]\n"
            "12:\n\t"
            "cmp 18(%[s]), %[x]\n\tjge 13f\n\tmov 18(%[s]), %[x]\n"
            "13:\n\t"
            "cmp %[x], 20(%[s])\n\tjge 14f\n\tmov 20(%[s]), %[x]\n"
            "14:\n\t"
            "mov.b %[x], 0(%[o])\n\tinc %[o]\n\t"
            "dec %[c]\n\tjnz 1b\n\t"
            "jmp 21f\n"
            "20:\n\t"
            FC_RESTORE_IRQ("21f")
            "21:"
            : [w] "+r"(w), [st] "+r"(start), [mp] "+r"(mp), [sh] "+r"(sh), [o] "+r"(out), [c] "+r"(count),
              [x] "=&r"(x), [a1] "=&r"(a1), [t] "=&r"(t), [v] "=&r"(v)
            : [s] "r"(s)
            : "memory");
        if (count != 0u) { /* a channel outside the usual path: acc = a1:x */
            q->multipliers = mp;
            q->shifts = sh;
            *out++ = tx_hw_requantize_s8(q, tx_wrap_s32(((uint32_t)a1 << 16) | x));
            mp = q->multipliers;
            sh = q->shifts;
            count--;
        }
    }
    q->multipliers = mp;
    q->shifts = sh;
}
#endif

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

#if defined(TX_HW_FC_ASM)
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
#if defined(TX_HW_FC_ASM)
            {
                /* the first chunk starts from the bias (0 without one), the last requantizes */
                fc_chunk s;
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
                chunk_outputs(&s, w, c0 != 0u || bias == 0 ? (const void *)partial : (const void *)(bias + o0),
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
