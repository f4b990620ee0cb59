/* The out-of-line parts of tx_msp430_hwmult.h shared by the hardware-multiplier kernels. */
#include "tx_msp430_hwmult.h"

#include <stddef.h>

/*
 * 32-bit shifts by k in [0, 31]. A variable shift in C is a call to a helper that loops one bit
 * a turn (and clang folds chains of constant shifts back into one), which made a
 * requantization cost ~650 cycles: here a word move covers 16 bits and an assembly loop the
 * rest, 5 cycles a bit.
 */
#if defined(__MSP430__)
static uint32_t shr32(uint32_t x, uint16_t k)
{
    uint16_t lo = (uint16_t)x;
    uint16_t hi = (uint16_t)(x >> 16);
    if (k >= 16u) {
        lo = hi;
        hi = 0u;
        k = (uint16_t)(k - 16u);
    }
    if (k != 0u) {
        __asm__("1:\n\tclrc\n\trrc %[hi]\n\trrc %[lo]\n\tdec %[k]\n\tjnz 1b"
                : [hi] "+r"(hi), [lo] "+r"(lo), [k] "+r"(k));
    }
    return ((uint32_t)hi << 16) | lo;
}

static uint32_t shl32(uint32_t x, uint16_t k)
{
    uint16_t lo = (uint16_t)x;
    uint16_t hi = (uint16_t)(x >> 16);
    if (k >= 16u) {
        hi = lo;
        lo = 0u;
        k = (uint16_t)(k - 16u);
    }
    if (k != 0u) {
        __asm__("1:\n\trla %[lo]\n\trlc %[hi]\n\tdec %[k]\n\tjnz 1b"
                : [hi] "+r"(hi), [lo] "+r"(lo), [k] "+r"(k));
    }
    return ((uint32_t)hi << 16) | lo;
}
#else
static uint32_t shr32(uint32_t x, uint16_t k)
{
    return x >> k;
}

static uint32_t shl32(uint32_t x, uint16_t k)
{
    return x << k;
}
#endif

/* floor(x / 2^k) for k in [0, 31] (the portable twin of requantize_high's shift). */
#if !defined(__MSP430__)
static int32_t asr32(int32_t x, uint16_t k)
{
    return tx_asr_s32(x, (int32_t)k);
}
#endif

/*
 * floor(a * b / 2^32) for unsigned a = a1:a0 and b = b1:b0 (16-bit halves): a1 * b1 +
 * floor(X / 2^16) with X = a1 * b0 + a0 * b1 + floor(a0 * b0 / 2^16). The multiplier builds X
 * with MAC from the preloaded floor(a0 * b0 / 2^16) (the first MAC cannot pass 2^32, so SUMEXT
 * after the second is X's bit 32), then a1 * b1 on top of floor(X / 2^16) preloaded: 17
 * instructions, against ~70 for the full 64-bit product and its carries in C. What the
 * requantization's usual path (shift < -1) needs: on the MSP430 those steps are the start of
 * requantize_high's assembly, here the portable twin.
 */
#if !defined(__MSP430__)
static uint32_t mul_high_u32(uint32_t a, uint32_t b)
{
    return (uint32_t)(((uint64_t)a * b) >> 32);
}
#endif

/* The int32 with bits v clamped to [act_min, act_max] (within int8), in 16-bit steps: an int32
 * outside int16 becomes the int16 bound of its sign, which lies beyond every int8 bound on the
 * same side, so the clamp gives what tx_clamp_s32 gives. */
static int8_t clamp_s8(const tx_hw_requant *q, uint32_t v)
{
    const uint16_t high = (uint16_t)(v >> 16);
    const uint16_t low = (uint16_t)v;
    int16_t r;
    if (high == ((low & 0x8000u) != 0u ? 0xFFFFu : 0u)) {
        /* low as an int16 (low - 2^16 when bit 15 is set), without an out-of-range conversion */
        r = (int16_t)((int32_t)low - ((low & 0x8000u) != 0u ? INT32_C(0x10000) : INT32_C(0)));
    } else {
        r = (high & 0x8000u) != 0u ? INT16_MIN : INT16_MAX;
    }
    return (int8_t)(r < q->act_min ? q->act_min : (r > q->act_max ? q->act_max : r));
}

void tx_hw_requant_init(tx_hw_requant *q, const int32_t *multipliers, const int32_t *shifts,
                        int32_t zero_point, int32_t act_min, int32_t act_max)
{
    q->multipliers = multipliers;
    q->shifts = shifts;
    q->zero_point = (uint32_t)zero_point;
    q->act_min = (int16_t)act_min;
    q->act_max = (int16_t)act_max;
}

/*
 * The high word hi:lo of the unsigned product a1:a0 * b1:b0 on the multiplier at %[base], with
 * interrupts off meanwhile (the status register in %[sr]): floor(a0 b0 / 2^16) preloaded, MAC
 * a1 b0 and a0 b1 (the first cannot pass 2^32, so SUMEXT after the second is X's bit 32), then
 * a1 b1 on floor(X / 2^16) (mul_high_u32's steps). Between the two halves RESLO holds bits 16 to
 * 31 of the product. Uses label 1.
 */
#define TX_HW_MUL_HIGH_BEGIN \
    "mov r2, %[sr]\n\tdint\n\tnop\n\t"                                                \
    "mov %[a0], 0(%[base])\n\tmov %[b0], 8(%[base])\n\t"    /* MPY a0 * b0 */         \
    "mov 12(%[base]), %[lo]\n\t"                                                      \
    "mov %[lo], 10(%[base])\n\tmov #0, 12(%[base])\n\t"     /* RES = its high half */ \
    "mov %[a1], 4(%[base])\n\tmov %[b0], 8(%[base])\n\t"    /* MAC a1 * b0 */         \
    "mov %[a0], 4(%[base])\n\tmov %[b1], 8(%[base])\n\t"    /* MAC a0 * b1 */
#define TX_HW_MUL_HIGH_END \
    "mov 12(%[base]), %[lo]\n\tmov 14(%[base]), %[hi]\n\t"                              \
    "mov %[lo], 10(%[base])\n\tmov %[hi], 12(%[base])\n\t"  /* RES = floor(X / 2^16) */ \
    "mov %[a1], 4(%[base])\n\tmov %[b1], 8(%[base])\n\t"    /* MAC a1 * b1 */           \
    "mov 10(%[base]), %[lo]\n\tmov 12(%[base]), %[hi]\n\t"                              \
    "bit #8, %[sr]\n\tjz 1f\n\tnop\n\teint\n\tnop\n"                                    \
    "1:\n\t"

/*
 * The requantization's usual path (n > 32, see below) for q's channel: the clamp of
 * floor((floor(hi / 2^j) + 1) / 2) + zero_point, hi = floor(acc * m / 2^32) (mul_high_u32's
 * steps, less m for acc < 0). On the MSP430 one assembly block (~150 cycles with the call,
 * against ~350 in C, whose 32-bit shifts, clamp and argument moves cost more than the
 * products): the shift j goes 16 bits by a word move and the rest a bit a turn, then the
 * rounding, the zero point and the clamp of clamp_s8 (an int32 beyond int16 becomes the int16
 * bound of its sign, beyond every int8 bound on that side). The cursor's fields are read at
 * fixed offsets, checked below.
 */
#if defined(__MSP430__)
typedef char tx_hw_requant_layout_check[(offsetof(tx_hw_requant, zero_point) == 4u
                                         && offsetof(tx_hw_requant, act_min) == 8u
                                         && offsetof(tx_hw_requant, act_max) == 10u) ? 1 : -1];

static int8_t requantize_high(const tx_hw_requant *q, int32_t acc, uint32_t m, uint16_t j)
{
    uint16_t a0 = (uint16_t)(uint32_t)acc, a1 = (uint16_t)((uint32_t)acc >> 16);
    uint16_t b0 = (uint16_t)m, b1 = (uint16_t)(m >> 16);
    uint16_t lo, hi, sr;
    __asm__ volatile(
        TX_HW_MUL_HIGH_BEGIN TX_HW_MUL_HIGH_END
        "tst %[a1]\n\tjge 2f\n\t"                                /* acc < 0: less m */
        "sub %[b0], %[lo]\n\tsubc %[b1], %[hi]\n"
        "2:\n\t"
        "cmp #16, %[j]\n\tjlo 3f\n\t"                            /* j >= 16: a word move */
        "mov %[hi], %[lo]\n\trla %[hi]\n\tsubc %[hi], %[hi]\n\tinv %[hi]\n\t"
        "sub #16, %[j]\n"
        "3:\n\t"
        "tst %[j]\n\tjz 5f\n"
        "4:\n\t"
        "rra %[hi]\n\trrc %[lo]\n\tdec %[j]\n\tjnz 4b\n"
        "5:\n\t"
        "add #1, %[lo]\n\taddc #0, %[hi]\n\trra %[hi]\n\trrc %[lo]\n\t"  /* rounding */
        "add 4(%[q]), %[lo]\n\taddc 6(%[q]), %[hi]\n\t"         /* zero point */
        "mov %[lo], %[b0]\n\trla %[b0]\n\tsubc %[b0], %[b0]\n\tinv %[b0]\n\t" /* lo's sign, 0 or -1 */
        "cmp %[b0], %[hi]\n\tjeq 6f\n\t"                         /* beyond int16: */
        "mov #0x7FFF, %[lo]\n\ttst %[hi]\n\tjge 6f\n\tmov #0x8000, %[lo]\n"
        "6:\n\t"
        "cmp 8(%[q]), %[lo]\n\tjge 7f\n\tmov 8(%[q]), %[lo]\n"
        "7:\n\t"
        "cmp %[lo], 10(%[q])\n\tjge 8f\n\tmov 10(%[q]), %[lo]\n"
        "8:"
        : [lo] "=&r"(lo), [hi] "=&r"(hi), [sr] "=&r"(sr), [a0] "+r"(a0), [a1] "+r"(a1), [b0] "+r"(b0),
          [b1] "+r"(b1), [j] "+r"(j)
        : [base] "r"((uint16_t)(TX_MSP430_HWMULT_BASE)), [q] "r"(q)
        : "memory");
    return (int8_t)(int16_t)lo;
}
#else
static int8_t requantize_high(const tx_hw_requant *q, int32_t acc, uint32_t m, uint16_t j)
{
    const uint32_t hi = mul_high_u32((uint32_t)acc, m) - (acc < 0 ? m : UINT32_C(0));
    const int32_t t = asr32(asr32(tx_wrap_s32(hi), j) + INT32_C(1), 1u);
    return clamp_s8(q, (uint32_t)t + q->zero_point);
}
#endif

/*
 * tx_requantize_s8 without 64-bit arithmetic: the same bits for every acc, multiplier in
 * [0, 2^31) and shift in [-31, 30].
 *
 * The reference computes T = floor((floor(P / 2^k) + 1) / 2) with P = acc * multiplier and
 * k = 30 - shift in [0, 61], keeps T mod 2^32 (tx_wrap_s32), adds the zero point modulo 2^32 and
 * clamps. Proof that the steps below give the same T mod 2^32:
 * 1. floor((floor(P / 2^k) + 1) / 2) = floor((P + 2^k) / 2^n) with n = k + 1 in [1, 62], since
 *    floor(floor(y) / m) = floor(y / m) for an integer m > 0 (y = (P + 2^k) / 2^k, m = 2).
 * 2. P: with u = acc mod 2^32, acc = u - 2^32 [acc < 0], so P = u * multiplier -
 *    2^32 * multiplier [acc < 0]: the unsigned 64-bit product (tx_hw_mul_u32) with multiplier
 *    taken from its high word when acc < 0. |P| < 2^62, so P' = P + 2^k lies in (-2^63, 2^63)
 *    and its two 32-bit words hi:lo (two's complement) are exact, lo taking the carry of the
 *    addition into hi.
 * 3. floor(P' / 2^n) is P' shifted right arithmetically by n. For n < 32 its low 32 bits are
 *    bits n .. n + 31 of P': (lo >> n) | (hi << (32 - n)) modulo 2^32. For n >= 32 it is
 *    floor(hi_signed / 2^(n - 32)), where hi_signed = floor(P' / 2^32) fits int32 since |P'| <
 *    2^63, so the result fits int32 too and no wrap occurs. For n = 32 the rounding term 2^31
 *    goes into lo (its carry into hi). For n > 32 the low word cannot change the result:
 *    floor((hi * 2^32 + lo + 2^(n-1)) / 2^n) = floor((hi + 2^(j-1)) / 2^j) with j = n - 32,
 *    since lo / 2^32 < 1 and hi + 2^(j-1) is an integer; by step 1 backwards that is
 *    floor((floor(hi / 2^(j-1)) + 1) / 2), and floor(hi / 2^(j-1)) + 1 cannot overflow (hi <
 *    2^30 as |P| < 2^62).
 * 4. The zero point is added modulo 2^32, then the clamp: v = T + zero_point is compared as an
 *    int32 with the int8 bounds, as tx_clamp_s32 does.
 * The n > 32 branch (shift < -1) is what layers use; it needs only hi, floor(P / 2^32) =
 * floor(u * multiplier / 2^32) - multiplier [acc < 0] (mul_high_u32), and one shift loop.
 * Edges tested in dev.tenax.codegen.Msp430KernelsRunTest: shifts -31, -1, 0, 1 and 30, acc 0,
 * +-1, INT32_MIN, INT32_MAX, multiplier 0 and 2^31 - 1, and results that wrap.
 */
int8_t tx_hw_requantize_s8(tx_hw_requant *q, int32_t acc)
{
    const uint32_t m = (uint32_t)*q->multipliers++;
    const uint16_t n = (uint16_t)(int16_t)(INT16_C(31) - (int16_t)*q->shifts++);
    uint32_t hi;
    uint32_t lo;
    int32_t t;
    if (n > 32u) {
        return requantize_high(q, acc, m, (uint16_t)(n - 33u));
    }
    tx_hw_mul_u32((uint32_t)acc, m, &hi, &lo);
    if (acc < 0) {
        hi -= m;
    }
    if (n == 32u) {
        t = tx_wrap_s32(hi + (lo >> 31));
    } else {
        const uint32_t sum = lo + shl32(UINT32_C(1), (uint16_t)(n - 1u));
        hi += sum < lo ? UINT32_C(1) : UINT32_C(0);
        t = tx_wrap_s32(shr32(sum, n) | shl32(hi, (uint16_t)(32u - n)));
    }
    return clamp_s8(q, (uint32_t)t + q->zero_point);
}

/*
 * tx_sat_rounding_doubling_high_mul's bits from the unsigned 64-bit product instead of a 64-bit
 * multiplication in software (~2,000 cycles a product there). Why it is the same:
 * 1. The signed product P = a * b: with u = a mod 2^32 and v = b mod 2^32, a = u - 2^32 [a < 0]
 *    and b = v - 2^32 [b < 0], so P = u * v - 2^32 (v [a < 0] + u [b < 0]) modulo 2^64, which
 *    holds P exactly since |P| <= 2^62: the unsigned product's high word less v and u.
 * 2. The reference truncates (P + nudge) / 2^31 toward zero, nudge = 2^30 for P >= 0 and
 *    1 - 2^30 below. For P >= 0 that is floor((P + 2^30) / 2^31). For P < 0 the numerator
 *    N = P + 1 - 2^30 is negative, and truncating N / 2^31 is ceil(N / 2^31) =
 *    floor((N + 2^31 - 1) / 2^31) = floor((P + 2^30) / 2^31) again: one formula, bits 31 to 62
 *    of P + 2^30. Bits 0 to 15 of P cannot reach them (2^30 has none there, so no carry leaves
 *    them): bits 16 to 31 (with the rounding term 0x4000 at bit 30) and the high word suffice.
 * 3. |P + 2^30| / 2^31 < 2^31 unless a = b = INT32_MIN (P = 2^62), which the reference saturates to
 *    INT32_MAX, as here: every other result fits int32.
 * On the MSP430 one assembly block (~100 cycles with the call, ~200 in C): the products as in
 * requantize_high (floor(a0 b0 / 2^16) preloaded, MAC a1 b0 and a0 b1 with SUMEXT as bit 32, then
 * a1 b1 on floor(X / 2^16)), the corrections of step 1, the rounding and a one-bit shift left of
 * the high word with bit 31 coming in. Checked against Java under mspdebug on edges, random
 * operands and the softmax exponential of every difference (Msp430KernelsRunTest), and in its
 * portable form on the host (SoftmaxS8Test's C cross-check of this folder's softmax).
 */
#if defined(__MSP430__)
int32_t tx_hw_sat_rounding_doubling_high_mul(int32_t a, int32_t b)
{
    uint16_t a0 = (uint16_t)(uint32_t)a, a1 = (uint16_t)((uint32_t)a >> 16);
    uint16_t b0 = (uint16_t)(uint32_t)b, b1 = (uint16_t)((uint32_t)b >> 16);
    uint16_t mid, lo, hi, sr;
    if (a == INT32_MIN && b == INT32_MIN) {
        return INT32_MAX;
    }
    __asm__ volatile(
        TX_HW_MUL_HIGH_BEGIN
        "mov 10(%[base]), %[mid]\n\t"                           /* bits 16 to 31 of P */
        TX_HW_MUL_HIGH_END
        "tst %[a1]\n\tjge 2f\n\t"                                /* a < 0: less v */
        "sub %[b0], %[lo]\n\tsubc %[b1], %[hi]\n"
        "2:\n\t"
        "tst %[b1]\n\tjge 3f\n\t"                                /* b < 0: less u */
        "sub %[a0], %[lo]\n\tsubc %[a1], %[hi]\n"
        "3:\n\t"
        "add #0x4000, %[mid]\n\taddc #0, %[lo]\n\taddc #0, %[hi]\n\t" /* + 2^30 */
        "rla %[mid]\n\trlc %[lo]\n\trlc %[hi]"                    /* bits 31 to 62 */
        : [mid] "=&r"(mid), [lo] "=&r"(lo), [hi] "=&r"(hi), [sr] "=&r"(sr)
        : [a0] "r"(a0), [a1] "r"(a1), [b0] "r"(b0), [b1] "r"(b1),
          [base] "r"((uint16_t)(TX_MSP430_HWMULT_BASE))
        : "memory");
    return tx_wrap_s32(((uint32_t)hi << 16) | lo);
}
#else
int32_t tx_hw_sat_rounding_doubling_high_mul(int32_t a, int32_t b)
{
    uint32_t hi, lo, rounded;
    if (a == INT32_MIN && b == INT32_MIN) {
        return INT32_MAX;
    }
    tx_hw_mul_u32((uint32_t)a, (uint32_t)b, &hi, &lo);
    if (a < 0) {
        hi -= (uint32_t)b;
    }
    if (b < 0) {
        hi -= (uint32_t)a;
    }
    rounded = lo + UINT32_C(0x40000000);
    hi += rounded < lo ? UINT32_C(1) : UINT32_C(0);
    return tx_wrap_s32((hi << 1) | (rounded >> 31));
}
#endif

/*
 * tx_hw_pair_rows (tx_msp430_hwmult.h): the last chunk of a block of outputs in one assembly loop: per output the accumulator is
 * preloaded with its start (bias or partial sum) less the chunk's input pairs' sum, the pairs
 * run on MACS, then the requantization's usual path (shift in [-31, -2], requantize_high in
 * tx_msp430_hwmult.c: the same steps), the clamp and the store, with no call and no register
 * saves between outputs: ~470 cycles an output in C around tx_hw_dot_pairs and the
 * requantization's call, ~200 here. A channel with another shift leaves the loop with its
 * accumulator, which C requantizes before coming back.
 */
#if defined(TX_HW_PAIR_ROWS_ASM)
typedef char tx_hw_pair_chunk_layout_check[(offsetof(tx_hw_pair_chunk, skip) == 8u
                                            && offsetof(tx_hw_pair_chunk, zero_lo) == 14u
                                            && offsetof(tx_hw_pair_chunk, sr) == 22u
                                            && offsetof(tx_hw_pair_chunk, partial) == 24u) ? 1 : -1];

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

void tx_hw_pair_rows(tx_hw_pair_chunk *s, const int8_t *w, const void *start, tx_hw_requant *q,
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
