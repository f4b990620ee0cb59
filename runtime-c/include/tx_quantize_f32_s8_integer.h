/*
 * tx_quantize_f32_s8 without floating-point arithmetic (twin of dev.tenax.kernels.QuantizeF32S8),
 * for cores without an FPU whose compiler's software float costs hundreds of instructions an
 * element: the MSP430 variant (runtime-c/msp430-hwmult/src) and the scalar Cortex-M one
 * (runtime-c/arm-scalar/src: cortex-m0, cortex-m3). Include it from the
 * variant's source only.
 *
 * saturate(rint(x / scale) + zero_point) with the float32 division and both roundings done in
 * integers. Why it gives the same bits: with x = mx 2^ex and scale = ms 2^es (24-bit mantissas,
 * leading bit set), x / scale = (mx / ms) 2^(ex - es). Quotients of 512 or more saturate whatever
 * the zero point, and below 1/2 both roundings give 0: neither needs the division. In between,
 * restoring division yields the quotient's bits down to half an ulp of its float32 rounding, and
 * the remainder says whether anything is left below: exactly what decides where the IEEE
 * division's rounding to 24 bits (to nearest, ties to even) and then rint (half to even) land
 * (rint_quotient). The quotient is then a normal float, so no subnormal rounding enters.
 * Defines the element loop tx_quantize_f32_s8_integer; the variant's source defines the entry
 * points with it (tx_quantize_f32_s8_entry.h, tx_quantize_transpose_f32_s8_body.h).
 */
#ifndef TX_QUANTIZE_F32_S8_INTEGER_H
#define TX_QUANTIZE_F32_S8_INTEGER_H

#include "tx_quantize_f32_s8.h"

/* |value| = mantissa 2^exponent, mantissa in [2^23, 2^24) unless the value is 0, inf or NaN. */
typedef struct {
    uint32_t mantissa;
    int16_t exponent;
    uint8_t negative;
    uint8_t special; /* 0: finite, 1: infinite, 2: NaN */
} unpacked;

static unpacked unpack(float x)
{
    union {
        float f;
        uint32_t u;
    } b;
    unpacked v;
    uint16_t biased;
    b.f = x;
    biased = (uint16_t)((b.u >> 23) & 0xFFu);
    v.negative = (uint8_t)(b.u >> 31);
    v.mantissa = b.u & UINT32_C(0x7FFFFF);
    v.special = 0u;
    if (biased == 0xFFu) {
        v.special = v.mantissa != 0u ? 2u : 1u;
        v.exponent = 0;
    } else if (biased == 0u) {
        v.exponent = -149; /* subnormal (or zero): normalize */
        if (v.mantissa != 0u) {
            while (v.mantissa < UINT32_C(0x800000)) {
                v.mantissa <<= 1;
                v.exponent--;
            }
        }
    } else {
        v.mantissa |= UINT32_C(0x800000);
        v.exponent = (int16_t)(biased - 150);
    }
    return v;
}

/*
 * The next n (1..24) bits of the quotient *r / ms by restoring division (*r < ms on entry, and
 * after), shifted into acc from the right: acc's other bits move up (acc keeps its low 16). On
 * the MSP430 in assembly (about 13 cycles a bit), because clang builds each 32-bit shift from byte
 * swaps and single-bit rotations (about 50); with a hardware divide (cortex-m3: UDIV) eight bits
 * at a time, as *r < ms < 2^24 leaves room for 8 more bits in 32; portable C elsewhere, which the
 * host cross-checks run.
 */
static uint16_t quotient_bits(uint32_t *r, uint32_t ms, uint16_t n, uint16_t acc)
{
#if defined(__MSP430__)
    uint16_t lo = (uint16_t)*r;
    uint16_t hi = (uint16_t)(*r >> 16);
    __asm__ volatile(
        "1:\n\t"
        "rla %[lo]\n\trlc %[hi]\n\t"
        "sub %[mlo], %[lo]\n\tsubc %[mhi], %[hi]\n\t"
        "jc 2f\n\t"
        "add %[mlo], %[lo]\n\taddc %[mhi], %[hi]\n\t" /* borrow: r < ms, put it back; bit 0 */
        "rla %[acc]\n\t"
        "jmp 3f\n"
        "2:\n\t"
        "rlc %[acc]\n" /* no borrow (carry set): bit 1 */
        "3:\n\t"
        "dec %[n]\n\tjnz 1b"
        : [lo] "+r"(lo), [hi] "+r"(hi), [acc] "+r"(acc), [n] "+r"(n)
        : [mlo] "r"((uint16_t)ms), [mhi] "r"((uint16_t)(ms >> 16)));
    *r = ((uint32_t)hi << 16) | lo;
    return acc;
#elif defined(__ARM_FEATURE_IDIV)
    while (n != 0u) {
        const uint16_t c = n > 8u ? 8u : n;
        const uint32_t shifted = *r << c;
        const uint32_t q = shifted / ms;
        *r = shifted - q * ms;
        acc = (uint16_t)(((uint32_t)acc << c) | q);
        n = (uint16_t)(n - c);
    }
    return acc;
#else
    for (; n != 0u; n--) {
        *r <<= 1;
        acc = (uint16_t)(acc << 1);
        if (*r >= ms) {
            *r -= ms;
            acc |= 1u;
        }
    }
    return acc;
#endif
}

/*
 * rint(fl(x / scale)) for a quotient in [1/2, 512), from the 25 quotient bits of weights 2^msb down
 * to 2^-k (k = 24 - msb) and the remainder. With I the integer part, F the fraction and u/2 = 2^-k
 * half an ulp of fl(x / scale): rint gives I + 1 when F > 1/2 + u/2, I when F < 1/2 - u/2, and
 * otherwise (fl rounds the quotient to exactly I + 1/2) the even one of I and I + 1. In bits: the
 * half bit h, then T, the k - 1 bits below it: h = 1 ties when T is 0, or 1 with no remainder;
 * h = 0 ties when T is all ones (an exact tie, T = 1 or all ones with no remainder, cannot occur:
 * it would need 25 significant bits in x; the test costs nothing).
 */
static uint16_t rint_quotient(uint32_t r, uint32_t ms, int16_t msb)
{
    uint16_t whole = 0u;
    uint16_t half;
    uint16_t t_high; /* T's bits above its last 8, after a prefix of ones (h = 0) or zeros (h = 1) */
    uint16_t t_low;  /* T's last 8 bits */
    uint16_t tie;
    /* r / ms in [1, 2): the leading bit, of weight 2^msb, is 1. */
    r -= ms;
    if (msb >= 0) {
        whole = msb > 0 ? quotient_bits(&r, ms, (uint16_t)msb, 1u) : 1u;
        half = quotient_bits(&r, ms, 1u, 0u);
    } else {
        half = 1u;
    }
    /* T has 23 - msb bits: 15 to 24. */
    t_high = quotient_bits(&r, ms, (uint16_t)(15 - msb), half != 0u ? 0u : 0xFFFFu);
    t_low = quotient_bits(&r, ms, 8u, 0u);
    if (half != 0u) {
        tie = (uint16_t)(t_high == 0u && (t_low == 0u || (t_low == 1u && r == 0u)));
        return tie ? (uint16_t)(whole + (whole & 1u)) : (uint16_t)(whole + 1u);
    }
    tie = (uint16_t)(t_high == 0xFFFFu && t_low == 0xFFu);
    return tie ? (uint16_t)(whole + (whole & 1u)) : whole;
}

/* The element loop: count elements of in, quantized into out `stride` bytes apart (arguments
 * already checked). */
static void tx_quantize_f32_s8_integer(const tx_quantize_f32_s8_params *p, int32_t count,
                                       const float *in, int8_t *out, int32_t stride)
{
    int32_t i;
    const unpacked s = unpack(p->scale);
    /* both pointers walk (no index): on the MSP430 an index beside the output pointer spilled
     * registers, about 3 MCLK cycles an element (onnx-mlir MNIST's input: 174,802 -> 171,659) */
    for (i = count; i > 0; i--) {
        const unpacked x = unpack(*in++);
        int32_t q;
        if (x.special == 2u || (x.special == 0u && x.mantissa == 0u)) {
            q = 0; /* NaN, +-0 */
        } else {
            /* x / scale = (mx / ms) 2^e0; as r / ms in [1, 2) times 2^msb. */
            const int32_t e0 = (int32_t)x.exponent - s.exponent;
            const int32_t msb = x.mantissa >= s.mantissa ? e0 : e0 - 1;
            const uint32_t r = x.mantissa >= s.mantissa ? x.mantissa : x.mantissa << 1;
            uint16_t magnitude;
            if (x.special == 1u || msb >= 9) {
                magnitude = 512u; /* 512 or more: saturates whatever the zero point */
            } else if (msb < -1) {
                magnitude = 0u; /* below 1/2: fl rounds it to 1/2 at most, and rint that to 0 */
            } else {
                magnitude = rint_quotient(r, s.mantissa, (int16_t)msb);
            }
            q = x.negative != 0u ? -(int32_t)magnitude : (int32_t)magnitude;
        }
        q += p->zero_point;
        *out = (int8_t)(q < -128 ? -128 : q > 127 ? 127 : q);
        out += stride;
    }
}

#endif /* TX_QUANTIZE_F32_S8_INTEGER_H */
