/*
 * tx_arm_dsp_requant.h: 32-bit forms of tx_requantize for the Cortex-M DSP-extension kernels
 * (runtime-c/arm-dsp/src), exact for the parameter ranges stated here; the kernels check those
 * ranges and take the 64-bit helpers of tx_fixed_point.h otherwise. Harmless to include on any
 * target: the instruction wrappers only exist where __ARM_FEATURE_DSP is defined; the range
 * checks and constants are plain C.
 *
 * Notation: tx_requantize(acc, m, shift) = wrap32(floor((acc * m + 2^(N-1)) / 2^N)) with
 * N = 31 - shift (tx_fixed_point.h: asr(asr(P, N - 1) + 1, 1) = floor((P + 2^(N-1)) / 2^N),
 * as asr by N-1 then by 1 is a floor division by 2^N nested in two floors, and adding 1 after the
 * first floor is adding 2^(N-1) before it). Nested floors compose: for integers P, and positive
 * integers a, b, floor(floor(P / a) / b) = floor(P / (a * b)). The three multiplies used below:
 *   SMMUL  Rd = floor(Rn * Rm / 2^32)
 *   SMMULR Rd = floor((Rn * Rm + 2^31) / 2^32)
 *   SMMLA  Rd = Ra + floor(Rn * Rm / 2^32)           (mod 2^32)
 *   SMMLAR Rd = Ra + floor((Rn * Rm + 2^31) / 2^32)  (mod 2^32)
 * (the ARM ARM defines them as bits [63:32] of (Ra << 32) + Rn * Rm [+ 0x80000000], computed
 * exactly in 64 bits; Ra << 32 does not disturb the low word, so the high word is Ra plus the
 * floor of the rest over 2^32).
 *
 * 1. The output stage, any acc (int32), any m (int32), shift in [-23, -2] (so k = N - 32 =
 *    -1 - shift lies in [1, 22]), zero point zp in [-128, 127]:
 *      tx_requantize(acc, m, shift) + zp = (SMMLA(acc, m, C) >> k), C = (2 zp + 1) * 2^(k-1).
 *    Proof: 2^(N-1) is a multiple of 2^32 (N >= 33), so floor((P + 2^(N-1)) / 2^32) =
 *    Q + 2^(k-1) with Q = floor(P / 2^32); then floor((Q + 2^(k-1)) / 2^k) + zp =
 *    floor((Q + 2^(k-1) + zp 2^k) / 2^k) = (Q + C) >> k (arithmetic shift = floor). No step
 *    wraps: |Q| <= 2^62 / 2^32 = 2^30 and |C| <= 257 * 2^21 < 2^29, so Q + C is an int32 and so
 *    is the reference's result (|result| <= 2^30 before adding zp), which therefore never wraps.
 * 2. The input stage of elementwise add: v in [-256, 256], left shift ls in [0, 22] (v << ls
 *    then never wraps: 256 * 2^22 = 2^30), e = ls + 32 - N = ls + 1 + shift in [0, 22]:
 *      tx_requantize(v << ls, m, shift) = SMMULR(v << e, m).
 *    Proof: floor((v m 2^ls + 2^(N-1)) / 2^N) = floor((v m 2^e + 2^31) / 2^32): numerator and
 *    denominator of the first are those of the second times 2^(N-32) (when N >= 32; otherwise
 *    the second's are the first's times 2^(32-N)), and both are integers either way because
 *    e >= 0. v << e fits (256 * 2^22 = 2^30); |result| <= 2^30 * 2^31 / 2^32 + 1, no wrap.
 *    And SMMLAR(v2 << e2, m2, a) = a + b exactly when |a|, |b| <= 2^29 + 1.
 * 3. The wide output stage, for the shifts stage 1 cannot take: shift in [-1, 30], so N lies in
 *    [1, 32] and k = N - 32 = -1 - shift in [-31, 0] (k <= 0 is what tells the two stages apart
 *    in a channel table). With SMULL's 64-bit product P = (hi, lo) and R = 2^(N-1) (< 2^32):
 *      tx_requantize(acc, m, shift) = ((lo + R) >> N) | ((hi + carry) << (32 - N))  (mod 2^32),
 *    the low word of (P + R) >> N computed in 64 bits (the adds/adc pair), which is the
 *    reference's wrap32(floor((P + 2^(N-1)) / 2^N)); logical shifts by a register give 0 for
 *    an amount of 32 (N = 32: the high word alone). Then the zero point is added modulo 2^32,
 *    as tx_requantize_s8 does. Eight instructions per output instead of three.
 */
#ifndef TX_ARM_DSP_REQUANT_H
#define TX_ARM_DSP_REQUANT_H

#include <stdint.h>

/* Shifts for which output stage 1 above is exact. */
static inline int tx_dsp_requant_out_ok(int32_t shift)
{
    return shift >= -23 && shift <= -2;
}

/* Shifts for which output stage 3 above is exact (those stage 1 takes are exact there too, but
 * slower). */
static inline int tx_dsp_requant_wide_ok(int32_t shift)
{
    return shift >= -1 && shift <= 30;
}

/* Whether every one of n shifts suits output stage 1 (wide == 0) or stage 1 or 3 (wide != 0). */
static inline int tx_dsp_requant_all_ok(const int32_t *shifts, int32_t n, int wide)
{
    int32_t c;
    for (c = 0; c < n; c++) {
        if (!tx_dsp_requant_out_ok(shifts[c]) && !(wide && tx_dsp_requant_wide_ok(shifts[c]))) {
            return 0;
        }
    }
    return 1;
}

/* k = -1 - shift of output stage 1 (and of stage 3, where it is <= 0). */
static inline int32_t tx_dsp_requant_out_k(int32_t shift)
{
    return -1 - shift;
}

/* C = (2 zp + 1) * 2^(k-1) of output stage 1 (zp in [-128, 127], k in [1, 22], |C| < 2^29). */
static inline int32_t tx_dsp_requant_out_c(int32_t zero_point, int32_t shift)
{
    const int32_t k = -1 - shift;
    return (2 * zero_point + 1) * (int32_t)(INT32_C(1) << (k - 1));
}

#if defined(__ARM_FEATURE_DSP)
/* a * b + c (mod 2^32) as one MLA: GCC would turn a multiply by a power of two into LSL + ADD.
 * The callers keep the product and sum within int32. */
static inline int32_t tx_dsp_mla(int32_t a, int32_t b, int32_t c)
{
    int32_t r;
    __asm__("mla %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(c));
    return r;
}

static inline int32_t tx_dsp_smmulr(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("smmulr %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

static inline int32_t tx_dsp_smmla(int32_t a, int32_t b, int32_t acc)
{
    int32_t r;
    __asm__("smmla %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
    return r;
}

static inline int32_t tx_dsp_smmlar(int32_t a, int32_t b, int32_t acc)
{
    int32_t r;
    __asm__("smmlar %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
    return r;
}

/* v saturated to [-128, 127]. */
static inline int32_t tx_dsp_ssat8(int32_t v)
{
    int32_t r;
    __asm__("ssat %0, #8, %1" : "=r"(r) : "r"(v) : "cc");
    return r;
}

/* The int8 values a, b, c, d (each in [-128, 127], e.g. from SSAT #8) as the bytes of a word in
 * memory order: a then three BFIs, which overwrite a's sign bits above its byte. */
static inline uint32_t tx_dsp_pack8x4(int32_t a, int32_t b, int32_t c, int32_t d)
{
    uint32_t r = (uint32_t)a;
    __asm__("bfi %0, %1, #8, #8\n\t"
            "bfi %0, %2, #16, #8\n\t"
            "bfi %0, %3, #24, #8"
            : "+r"(r)
            : "r"(b), "r"(c), "r"(d));
    return r;
}

/* Per byte lane: max(a, lo) then min(., hi) as signed int8 (SSUB8 sets the GE flags, SEL picks
 * by them; one asm block so nothing can come between them). */
static inline uint32_t tx_dsp_clamp8x4(uint32_t a, uint32_t lo4, uint32_t hi4)
{
    uint32_t t;
    uint32_t r;
    __asm__("ssub8 %0, %2, %3\n\t"
            "sel %1, %2, %3\n\t"
            "ssub8 %0, %1, %4\n\t"
            "sel %1, %4, %1"
            : "=&r"(t), "=&r"(r)
            : "r"(a), "r"(lo4), "r"(hi4)
            : "cc");
    (void)t;
    return r;
}
#endif /* __ARM_FEATURE_DSP */

#endif /* TX_ARM_DSP_REQUANT_H */
