/* The out-of-line parts of tx_msp430_hwmult.h shared by the hardware-multiplier kernels. */
#include "tx_msp430_hwmult.h"

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
 *    2^63, so the result fits int32 too and no wrap occurs; the rounding term 2^k is then
 *    2^(k - 32) added to hi (k >= 32), or 2^31 added to lo (k = 31).
 * Edges tested in dev.tenax.codegen.Msp430KernelsRunTest: shifts -31, -1, 0, 1 and 30, acc 0,
 * +-1, INT32_MIN, INT32_MAX, multiplier 0 and 2^31 - 1, and results that wrap.
 */
int8_t tx_hw_requantize_s8(int32_t acc, int32_t multiplier, int32_t shift, int32_t zero_point,
                           int32_t act_min, int32_t act_max)
{
    const uint32_t m = (uint32_t)multiplier;
    const uint16_t n = (uint16_t)(INT32_C(31) - shift);
    uint32_t hi;
    uint32_t lo;
    uint32_t t;
    tx_hw_mul_u32((uint32_t)acc, m, &hi, &lo);
    if (acc < 0) {
        hi -= m;
    }
    if (n < 32u) {
        const uint32_t round = UINT32_C(1) << (n - 1u);
        const uint32_t sum = lo + round;
        hi += sum < lo ? UINT32_C(1) : UINT32_C(0);
        t = (sum >> n) | (hi << (32u - n));
    } else if (n == 32u) {
        hi += lo + UINT32_C(0x80000000) < lo ? UINT32_C(1) : UINT32_C(0);
        t = hi;
    } else {
        t = (uint32_t)tx_asr_s32(tx_wrap_s32(hi + (UINT32_C(1) << (n - 33u))), (int32_t)(n - 32u));
    }
    return (int8_t)tx_clamp_s32(tx_add_wrap_s32(tx_wrap_s32(t), zero_point), act_min, act_max);
}

