/*
 * The MSP430 hardware multiplier's 16x16 registers for the int8 kernels in
 * runtime-c/msp430-hwmult/src: dot products on MACS/OP2 with the 32-bit accumulator in
 * RESHI:RESLO, and a requantization built from 16x16 products (bit-exact twin of
 * tx_requantize_s8). Include it from kernel sources only.
 *
 * Why MACS accumulates exactly what the reference does: MACS multiplies the signed 16-bit
 * operands and adds the product to RESHI:RESLO modulo 2^32 (SUMEXT only reports the sign; the
 * saturation mode of the FR parts' MPY32 is off after reset and never set here). mspdebug's
 * hwmult device does the same (result = (result + product) mod 2^32). The reference adds int32
 * products with wrap-around (tx_add_wrap_s32), so the accumulators agree bit for bit for every
 * length. The operands fit: x + input_offset is in [-255, 255] and a weight in [-128, 127].
 * Operands are written with word instructions only: byte writes are not simulated.
 *
 * The multiplier is one shared peripheral holding the accumulator between instructions, so a
 * dot product runs with interrupts disabled (tx_hw_acc_begin/tx_hw_acc_end, one output at a time),
 * and no C multiplication (which clang turns into __mspabi_mpy* calls on the same registers) may
 * sit between begin and end.
 *
 * Without __MSP430__ (the host compile check) the same functions are plain C, so the kernels
 * compile and keep their meaning everywhere.
 */
#ifndef TX_MSP430_HWMULT_H
#define TX_MSP430_HWMULT_H

#include <stdint.h>

#include "tx_fixed_point.h"

/* One dot product in flight: on the MSP430 the accumulator lives in the multiplier and sr keeps
 * the interrupt state to restore; the portable path keeps it in acc. */
typedef struct {
    uint16_t sr;
    int32_t acc;
} tx_hw_acc;

#if defined(__MSP430__)

#ifndef TX_MSP430_HWMULT_BASE
#error "define TX_MSP430_HWMULT_BASE: 0x0130 for mspdebug sim, 0x04C0 on the MSP430FR5994/FR5969"
#endif

#define TX_HW_REG(offset) (*(volatile uint16_t *)(uintptr_t)((TX_MSP430_HWMULT_BASE) + (offset)))
#define TX_HW_MPY TX_HW_REG(0x00u)
#define TX_HW_MAC TX_HW_REG(0x04u)
#define TX_HW_OP2 TX_HW_REG(0x08u)
#define TX_HW_RESLO TX_HW_REG(0x0Au)
#define TX_HW_RESHI TX_HW_REG(0x0Cu)
#define TX_HW_SUMEXT TX_HW_REG(0x0Eu)

/* Disables interrupts (the nop lets DINT take effect) and returns the status register. */
static inline uint16_t tx_hw_irq_save(void)
{
    uint16_t sr;
    __asm__ volatile("mov r2, %0\n\tdint\n\tnop" : "=r"(sr) : : "memory");
    return sr;
}

static inline void tx_hw_irq_restore(uint16_t sr)
{
    if ((sr & 0x0008u) != 0u) {
        __asm__ volatile("nop\n\teint\n\tnop" : : : "memory");
    }
}

/* Disables interrupts and loads the accumulator with bias (a MAC adds to RESHI:RESLO). */
static inline void tx_hw_acc_begin(tx_hw_acc *a, int32_t bias)
{
    a->sr = tx_hw_irq_save();
    TX_HW_RESLO = (uint16_t)(uint32_t)bias;
    TX_HW_RESHI = (uint16_t)((uint32_t)bias >> 16);
}

/* The accumulator; interrupts back as tx_hw_acc_begin found them. */
static inline int32_t tx_hw_acc_end(tx_hw_acc *a)
{
    const uint32_t acc = (uint32_t)TX_HW_RESLO | ((uint32_t)TX_HW_RESHI << 16);
    tx_hw_irq_restore(a->sr);
    return tx_wrap_s32(acc);
}

/*
 * accumulator += sum_i (x[i] + offset) * w[i], n terms. Assembly because clang reads bytes with
 * indexed loads (3 cycles) and keeps a compare in the loop: here a term costs 15 cycles (load,
 * sign-extend, add, store for x; load, sign-extend, store for w) and the loop 3 per four terms.
 * MACS is at +6 and OP2 at +8 from the base, which sits in a register.
 */
static inline void tx_hw_mac_s8(tx_hw_acc *a, const int8_t *x, const int8_t *w, uint16_t n,
                                int16_t offset)
{
    uint16_t quads = (uint16_t)(n >> 2);
    uint16_t rest = (uint16_t)(n & 3u);
    uint16_t t;
    (void)a;
    __asm__ volatile(
        "tst %[q]\n\tjz 2f\n"
        "1:\n\t"
        "mov.b @%[x]+, %[t]\n\tsxt %[t]\n\tadd %[off], %[t]\n\tmov %[t], 6(%[b])\n\t"
        "mov.b @%[w]+, %[t]\n\tsxt %[t]\n\tmov %[t], 8(%[b])\n\t"
        "mov.b @%[x]+, %[t]\n\tsxt %[t]\n\tadd %[off], %[t]\n\tmov %[t], 6(%[b])\n\t"
        "mov.b @%[w]+, %[t]\n\tsxt %[t]\n\tmov %[t], 8(%[b])\n\t"
        "mov.b @%[x]+, %[t]\n\tsxt %[t]\n\tadd %[off], %[t]\n\tmov %[t], 6(%[b])\n\t"
        "mov.b @%[w]+, %[t]\n\tsxt %[t]\n\tmov %[t], 8(%[b])\n\t"
        "mov.b @%[x]+, %[t]\n\tsxt %[t]\n\tadd %[off], %[t]\n\tmov %[t], 6(%[b])\n\t"
        "mov.b @%[w]+, %[t]\n\tsxt %[t]\n\tmov %[t], 8(%[b])\n\t"
        "dec %[q]\n\tjnz 1b\n"
        "2:\n\t"
        "tst %[r]\n\tjz 4f\n"
        "3:\n\t"
        "mov.b @%[x]+, %[t]\n\tsxt %[t]\n\tadd %[off], %[t]\n\tmov %[t], 6(%[b])\n\t"
        "mov.b @%[w]+, %[t]\n\tsxt %[t]\n\tmov %[t], 8(%[b])\n\t"
        "dec %[r]\n\tjnz 3b\n"
        "4:"
        : [x] "+r"(x), [w] "+r"(w), [q] "+r"(quads), [r] "+r"(rest), [t] "=&r"(t)
        : [b] "r"((uint16_t)(TX_MSP430_HWMULT_BASE)), [off] "r"(offset)
        : "memory");
}

/*
 * accumulator += sum_i x[i] * w[i] for x already offset and widened: 12 cycles a term, since x
 * goes straight from memory to MACS (5 cycles) and the weight takes a byte load, a sign extension
 * and a register write (7): byte writes to the operand registers neither sign-extend nor multiply
 * in the simulated multiplier. LLVM's MSP430 assembler does not accept that form (mov
 * @Rs+, X(Rd)), so it is spelled as its encoding with fixed registers: TX_HW_MOV_R12_INC_6R11 is
 * "mov @r12+, 6(r11)" (format I: opcode 4, source r12 mode 3, destination r11 indexed; then
 * the offset word), with x in r12 and the multiplier's base in r11.
 */
#define TX_HW_MOV_R12_INC_6R11 ".word 0x4cbb, 0x0006\n\t"

#define TX_HW_TERM_S16 TX_HW_MOV_R12_INC_6R11 "mov.b @%[w]+, %[t]\n\tsxt %[t]\n\tmov %[t], 8(%[b])\n\t"

static inline void tx_hw_mac_s16(tx_hw_acc *a, const int16_t *x, const int8_t *w, uint16_t n)
{
    register const int16_t *xr __asm__("r12") = x;
    register uint16_t base __asm__("r11") = (uint16_t)(TX_MSP430_HWMULT_BASE);
    uint16_t quads = (uint16_t)(n >> 3); /* eight terms a turn: the loop costs 3 cycles a turn */
    uint16_t rest = (uint16_t)(n & 7u);
    uint16_t t;
    (void)a;
    __asm__ volatile(
        "tst %[q]\n\tjz 2f\n"
        "1:\n\t"
        TX_HW_TERM_S16 TX_HW_TERM_S16 TX_HW_TERM_S16 TX_HW_TERM_S16
        TX_HW_TERM_S16 TX_HW_TERM_S16 TX_HW_TERM_S16 TX_HW_TERM_S16
        "dec %[q]\n\tjnz 1b\n"
        "2:\n\t"
        "tst %[r]\n\tjz 4f\n"
        "3:\n\t"
        TX_HW_TERM_S16
        "dec %[r]\n\tjnz 3b\n"
        "4:"
        : [x] "+r"(xr), [w] "+r"(w), [q] "+r"(quads), [r] "+r"(rest), [t] "=&r"(t)
        : [b] "r"(base)
        : "memory");
}

/*
 * accumulator += sum_i (x[i * x_step] + offset) * w[i * w_step]: the depthwise layout, where a
 * channel's inputs and weights are strided. C (about 20 cycles a term): additions only between
 * the register writes.
 */
static inline void tx_hw_mac_strided_s8(tx_hw_acc *a, const int8_t *x, uint16_t x_step,
                                        const int8_t *w, uint16_t w_step, uint16_t n,
                                        int16_t offset)
{
    (void)a;
    for (; n != 0u; n--) {
        TX_HW_REG(0x06u) = (uint16_t)(*x + offset);
        TX_HW_OP2 = (uint16_t)*w;
        x += x_step;
        w += w_step;
    }
}

/*
 * dst[i] = x[i] + offset for i < n: the int16 copies the dot products read with one
 * autoincrement move a term. Assembly, two values a turn (10.5 cycles a value), because clang
 * indexes both arrays (about 19).
 */
static inline void tx_hw_widen_s8(const int8_t *x, uint16_t n, int16_t offset, int16_t *dst)
{
    uint16_t t;
    __asm__ volatile(
        "bit #1, %[n]\n\tjz 1f\n\t"
        "mov.b @%[x]+, %[t]\n\tsxt %[t]\n\tadd %[off], %[t]\n\tmov %[t], 0(%[d])\n\tincd %[d]\n"
        "1:\n\t"
        "rra %[n]\n\tjz 3f\n"
        "2:\n\t"
        "mov.b @%[x]+, %[t]\n\tsxt %[t]\n\tadd %[off], %[t]\n\tmov %[t], 0(%[d])\n\t"
        "mov.b @%[x]+, %[t]\n\tsxt %[t]\n\tadd %[off], %[t]\n\tmov %[t], 2(%[d])\n\t"
        "add #4, %[d]\n\tdec %[n]\n\tjnz 2b\n"
        "3:"
        : [x] "+r"(x), [n] "+r"(n), [d] "+r"(dst), [t] "=&r"(t)
        : [off] "r"(offset)
        : "memory");
}

/*
 * Winograd's inner product (1968), the fully-connected kernel's operand format (the compiler's
 * dev.tenax.codegen.Msp430FcOperands writes it): sum_i X_i w_i over a row equals
 *   sum_k (X_2k + w_2k+1)(X_2k+1 + w_2k) - sum_k X_2k X_2k+1 - sum_k w_2k w_2k+1
 * (+ X_n-1 w_n-1 for an odd length), one multiplication per two MACs. The weight pairs' sum is
 * folded into the bias at compile time, the input pairs' sum is taken once a row while widening
 * it. The weights are stored as u = w XOR 0x80 (w + 128 as an unsigned byte: a byte load's zero
 * extension gives it without sxt) and the widened row holds Y = X - 128, so that Y_2k + u_2k+1 is
 * the factor itself. Factors lie in [-383, 382] for int8 data (x + input_offset in [-255, 255]),
 * and in int16 for every input offset the kernel accepts (|offset| <= 32000); the identity holds
 * modulo 2^32, where MACS and the reference both add.
 */

/*
 * start + sum_k (y[2k] + u[2k+1]) * (y[2k+1] + u[2k]) for k < n / 2, plus (y[n-1] + 128) *
 * (u[n-1] - 128) = X * w when n is odd, modulo 2^32, with u read as unsigned bytes: one output's
 * dot product in Winograd's form, interrupts disabled while the multiplier holds it. A pair
 * costs 16 cycles, 8 a MAC (two byte loads 2 each, two additions from the row 2 each, two
 * register writes 4 each); eight pairs a loop turn (3 cycles). One assembly block with the
 * accumulator's setup, so that C keeps nothing in registers across it.
 */
#define TX_HW_PAIR "mov.b @%[w]+, %[t]\n\tmov.b @%[w]+, %[v]\n\tadd @%[x]+, %[v]\n\tmov %[v], 6(%[b])\n\t" \
                   "add @%[x]+, %[t]\n\tmov %[t], 8(%[b])\n\t"

/* TX_SMALL_CODE (the generated Makefile's last level, -Oz -DTX_SMALL_CODE, when only the smallest code
 * fits the FRAM below 64 KB): one pair a loop turn, 19 cycles a pair (9.5 a MAC) in 140 fewer bytes. */
#if defined(TX_SMALL_CODE)
#define TX_HW_PAIR_LOOPS(pairs, turns, rest) (turns) = (pairs); (rest) = 0u
#define TX_HW_PAIRS_TURN TX_HW_PAIR
#define TX_HW_PAIRS_REST ""
#else
#define TX_HW_PAIR_LOOPS(pairs, turns, rest) (turns) = (uint16_t)((pairs) >> 3); (rest) = (uint16_t)((pairs) & 7u)
#define TX_HW_PAIRS_TURN TX_HW_PAIR TX_HW_PAIR TX_HW_PAIR TX_HW_PAIR TX_HW_PAIR TX_HW_PAIR TX_HW_PAIR TX_HW_PAIR
#define TX_HW_PAIRS_REST "tst %[r]\n\tjz 4f\n" "3:\n\t" TX_HW_PAIR "dec %[r]\n\tjnz 3b\n"
#endif

static inline int32_t tx_hw_dot_pairs(int32_t start, const int16_t *y, const int8_t *u, uint16_t n)
{
    uint16_t lo = (uint16_t)(uint32_t)start;
    uint16_t hi = (uint16_t)((uint32_t)start >> 16);
    uint16_t turns, rest;
    uint16_t sr, t, v;
    TX_HW_PAIR_LOOPS((uint16_t)(n >> 1), turns, rest);
    __asm__ volatile(
        "mov r2, %[sr]\n\tdint\n\tnop\n\t"
        "mov %[lo], 10(%[b])\n\tmov %[hi], 12(%[b])\n\t"
        "tst %[q]\n\tjz 2f\n"
        "1:\n\t"
        TX_HW_PAIRS_TURN
        "dec %[q]\n\tjnz 1b\n"
        "2:\n\t"
        TX_HW_PAIRS_REST
        "4:\n\t"
        "bit #1, %[n]\n\tjz 5f\n\t"
        "mov @%[x]+, %[t]\n\tadd #128, %[t]\n\tmov %[t], 6(%[b])\n\t"
        "mov.b @%[w]+, %[t]\n\tadd #-128, %[t]\n\tmov %[t], 8(%[b])\n"
        "5:\n\t"
        "mov 10(%[b]), %[lo]\n\tmov 12(%[b]), %[hi]\n\t"
        "bit #8, %[sr]\n\tjz 6f\n\tnop\n\teint\n\tnop\n"
        "6:"
        : [x] "+r"(y), [w] "+r"(u), [q] "+r"(turns), [r] "+r"(rest), [lo] "+r"(lo), [hi] "+r"(hi),
          [t] "=&r"(t), [v] "=&r"(v), [sr] "=&r"(sr)
        : [b] "r"((uint16_t)(TX_MSP430_HWMULT_BASE)), [n] "r"(n)
        : "memory");
    return tx_wrap_s32(((uint32_t)hi << 16) | lo);
}

/*
 * dst[i] = x[i] + offset - 128 for i < n, and returns sum_k X_2k X_2k+1 (X = x + offset, k <
 * n / 2) modulo 2^32, multiplied on MACS while the values are in a register (interrupts
 * disabled meanwhile): 13 cycles a value. Uses the accumulator: not between tx_hw_acc_begin and
 * _end.
 */
static inline int32_t tx_hw_widen_pairs_s8(const int8_t *x, uint16_t n, int16_t offset, int16_t *dst)
{
    const int16_t minus128 = -128;
    uint16_t pairs = (uint16_t)(n >> 1);
    uint16_t sr, t, lo, hi;
    __asm__ volatile(
        "mov r2, %[sr]\n\tdint\n\tnop\n\t"
        "mov #0, 10(%[b])\n\tmov #0, 12(%[b])\n\t"
        "tst %[q]\n\tjz 2f\n"
        "1:\n\t"
        "mov.b @%[x]+, %[t]\n\tsxt %[t]\n\tadd %[off], %[t]\n\tmov %[t], 6(%[b])\n\t"
        "add %[m], %[t]\n\tmov %[t], 0(%[d])\n\t"
        "mov.b @%[x]+, %[t]\n\tsxt %[t]\n\tadd %[off], %[t]\n\tmov %[t], 8(%[b])\n\t"
        "add %[m], %[t]\n\tmov %[t], 2(%[d])\n\t"
        "add #4, %[d]\n\tdec %[q]\n\tjnz 1b\n"
        "2:\n\t"
        "bit #1, %[n]\n\tjz 3f\n\t"
        "mov.b @%[x]+, %[t]\n\tsxt %[t]\n\tadd %[off], %[t]\n\tadd %[m], %[t]\n\tmov %[t], 0(%[d])\n"
        "3:\n\t"
        "mov 10(%[b]), %[lo]\n\tmov 12(%[b]), %[hi]\n\t"
        "bit #8, %[sr]\n\tjz 4f\n\tnop\n\teint\n\tnop\n"
        "4:"
        : [x] "+r"(x), [q] "+r"(pairs), [d] "+r"(dst), [t] "=&r"(t), [lo] "=&r"(lo), [hi] "=&r"(hi),
          [sr] "=&r"(sr)
        : [off] "r"(offset), [m] "r"(minus128), [n] "r"(n), [b] "r"((uint16_t)(TX_MSP430_HWMULT_BASE))
        : "memory");
    return tx_wrap_s32(((uint32_t)hi << 16) | lo);
}

/*
 * sum_k (y[2k] + 128) * (y[2k+1] + 128) for k < n / 2 modulo 2^32: the input pairs' sum of a
 * row already widened to Y = X - 128 (the conv kernel's gathered window, whose padded taps hold
 * -128, X = 0), 14 cycles a pair on MACS, interrupts disabled meanwhile. Uses the accumulator.
 */
static inline int32_t tx_hw_pairs_of_widened(const int16_t *y, uint16_t n)
{
    uint16_t pairs = (uint16_t)(n >> 1);
    uint16_t sr, t, lo, hi;
    __asm__ volatile(
        "mov r2, %[sr]\n\tdint\n\tnop\n\t"
        "mov #0, 10(%[b])\n\tmov #0, 12(%[b])\n\t"
        "tst %[q]\n\tjz 2f\n"
        "1:\n\t"
        "mov @%[y]+, %[t]\n\tadd #128, %[t]\n\tmov %[t], 6(%[b])\n\t"
        "mov @%[y]+, %[t]\n\tadd #128, %[t]\n\tmov %[t], 8(%[b])\n\t"
        "dec %[q]\n\tjnz 1b\n"
        "2:\n\t"
        "mov 10(%[b]), %[lo]\n\tmov 12(%[b]), %[hi]\n\t"
        "bit #8, %[sr]\n\tjz 3f\n\tnop\n\teint\n\tnop\n"
        "3:"
        : [y] "+r"(y), [q] "+r"(pairs), [t] "=&r"(t), [lo] "=&r"(lo), [hi] "=&r"(hi), [sr] "=&r"(sr)
        : [b] "r"((uint16_t)(TX_MSP430_HWMULT_BASE))
        : "memory");
    return tx_wrap_s32(((uint32_t)hi << 16) | lo);
}

/* The 64-bit product of two unsigned 32-bit numbers, from four unsigned 16x16 products; the
 * two middle ones accumulate with MAC, whose SUMEXT is the carry out of bit 31 (0 or 1). */
static inline void tx_hw_mul_u32(uint32_t a, uint32_t b, uint32_t *hi, uint32_t *lo)
{
    const uint16_t a0 = (uint16_t)a, a1 = (uint16_t)(a >> 16);
    const uint16_t b0 = (uint16_t)b, b1 = (uint16_t)(b >> 16);
    uint32_t p00, p11, mid, low;
    uint16_t carry;
    const uint16_t sr = tx_hw_irq_save();
    TX_HW_MPY = a0;
    TX_HW_OP2 = b0;
    p00 = (uint32_t)TX_HW_RESLO | ((uint32_t)TX_HW_RESHI << 16);
    TX_HW_MPY = a1;
    TX_HW_OP2 = b1;
    p11 = (uint32_t)TX_HW_RESLO | ((uint32_t)TX_HW_RESHI << 16);
    TX_HW_MPY = a0;
    TX_HW_OP2 = b1;
    TX_HW_MAC = a1;
    TX_HW_OP2 = b0;
    mid = (uint32_t)TX_HW_RESLO | ((uint32_t)TX_HW_RESHI << 16);
    carry = TX_HW_SUMEXT;
    tx_hw_irq_restore(sr);
    low = p00 + (mid << 16);
    *lo = low;
    *hi = p11 + (mid >> 16) + ((uint32_t)carry << 16) + (low < p00 ? UINT32_C(1) : UINT32_C(0));
}

#else /* the portable path: same meaning, plain C */

static inline void tx_hw_acc_begin(tx_hw_acc *a, int32_t bias)
{
    a->sr = 0u;
    a->acc = bias;
}

static inline int32_t tx_hw_acc_end(tx_hw_acc *a)
{
    return a->acc;
}

static inline void tx_hw_mac_s8(tx_hw_acc *a, const int8_t *x, const int8_t *w, uint16_t n,
                                int16_t offset)
{
    uint16_t i;
    for (i = 0u; i < n; i++) {
        a->acc = tx_add_wrap_s32(a->acc, ((int32_t)x[i] + offset) * (int32_t)w[i]);
    }
}

static inline void tx_hw_mac_s16(tx_hw_acc *a, const int16_t *x, const int8_t *w, uint16_t n)
{
    uint16_t i;
    for (i = 0u; i < n; i++) {
        a->acc = tx_add_wrap_s32(a->acc, (int32_t)x[i] * (int32_t)w[i]);
    }
}

static inline void tx_hw_mac_strided_s8(tx_hw_acc *a, const int8_t *x, uint16_t x_step,
                                        const int8_t *w, uint16_t w_step, uint16_t n,
                                        int16_t offset)
{
    for (; n != 0u; n--) {
        a->acc = tx_add_wrap_s32(a->acc, ((int32_t)*x + offset) * (int32_t)*w);
        x += x_step;
        w += w_step;
    }
}

static inline void tx_hw_widen_s8(const int8_t *x, uint16_t n, int16_t offset, int16_t *dst)
{
    for (; n != 0u; n--) {
        *dst++ = (int16_t)(*x++ + offset);
    }
}

static inline int32_t tx_hw_dot_pairs(int32_t start, const int16_t *y, const int8_t *u, uint16_t n)
{
    int32_t acc = start;
    uint16_t i;
    for (i = 0u; i + 1u < n; i = (uint16_t)(i + 2u)) {
        const int32_t f0 = (int32_t)y[i] + (int32_t)(uint8_t)u[i + 1u];
        const int32_t f1 = (int32_t)y[i + 1u] + (int32_t)(uint8_t)u[i];
        acc = tx_add_wrap_s32(acc, f0 * f1);
    }
    if ((n & 1u) != 0u) {
        acc = tx_add_wrap_s32(acc, ((int32_t)y[n - 1u] + 128) * ((int32_t)(uint8_t)u[n - 1u] - 128));
    }
    return acc;
}

static inline int32_t tx_hw_widen_pairs_s8(const int8_t *x, uint16_t n, int16_t offset, int16_t *dst)
{
    int32_t sum = 0;
    uint16_t i;
    for (i = 0u; i < n; i++) {
        dst[i] = (int16_t)(x[i] + offset - 128);
        if ((i & 1u) != 0u) {
            sum = tx_add_wrap_s32(sum, ((int32_t)x[i - 1u] + offset) * ((int32_t)x[i] + offset));
        }
    }
    return sum;
}

static inline int32_t tx_hw_pairs_of_widened(const int16_t *y, uint16_t n)
{
    int32_t sum = 0;
    uint16_t i;
    for (i = 0u; i + 1u < n; i = (uint16_t)(i + 2u)) {
        sum = tx_add_wrap_s32(sum, ((int32_t)y[i] + 128) * ((int32_t)y[i + 1u] + 128));
    }
    return sum;
}

static inline void tx_hw_mul_u32(uint32_t a, uint32_t b, uint32_t *hi, uint32_t *lo)
{
    const uint64_t p = (uint64_t)a * b;
    *hi = (uint32_t)(p >> 32);
    *lo = (uint32_t)p;
}

#endif /* __MSP430__ */

/* The taps t in [0, k) whose position start + t * dilation lies in [0, size): [*lo, *hi). The
 * positions grow with t, so the in-bounds taps of a window are one contiguous block. */
static inline void tx_hw_tap_range(int32_t start, int32_t dilation, int32_t k, int32_t size,
                                   int32_t *lo, int32_t *hi)
{
    int32_t t;
    int32_t pos = start;
    *lo = 0;
    *hi = 0;
    for (t = 0; t < k; t++) {
        if (pos >= 0 && pos < size) {
            if (*hi == 0) {
                *lo = t;
            }
            *hi = t + 1;
        }
        pos += dilation;
    }
}


/*
 * The output stage of one kernel call: a cursor over the per-channel multipliers and shifts, and
 * the output zero point and clamp range (int8 values, checked by tx_output_s8_valid). Passing
 * it by pointer keeps each requantization's arguments in registers: six int32 arguments went
 * through the stack and cost about 60 cycles a call.
 */
typedef struct {
    const int32_t *multipliers; /* the next output channel's */
    const int32_t *shifts;
    uint32_t zero_point;        /* the int32 zero point's bits, added modulo 2^32 */
    int16_t act_min, act_max;
} tx_hw_requant;

/* The cursor at channel 0. */
void tx_hw_requant_init(tx_hw_requant *q, const int32_t *multipliers, const int32_t *shifts,
                        int32_t zero_point, int32_t act_min, int32_t act_max);

/* tx_requantize_s8's bits for the cursor's channel from 16x16 products, then the cursor steps to
 * the next channel (runtime-c/msp430-hwmult/src/tx_msp430_hwmult.c, one copy for every kernel:
 * FRAM below 64 KB is scarce). Uses the multiplier: call it outside tx_hw_acc_begin/_end. */
int8_t tx_hw_requantize_s8(tx_hw_requant *q, int32_t acc);

/* tx_sat_rounding_doubling_high_mul's bits from four 16x16 products (tx_msp430_hwmult.c, where the
 * proof is), for the gemmlowp functions of the int8 softmax. Uses the multiplier: call it outside
 * tx_hw_acc_begin/_end. */
int32_t tx_hw_sat_rounding_doubling_high_mul(int32_t a, int32_t b);

/*
 * Winograd rows over one widened chunk, shared by the fully-connected and conv kernels (not in
 * the TX_SMALL_CODE builds, whose FRAM is too tight for the assembly loop, nor on the host):
 * for each of count rows of weights (u = w XOR 0x80, chunk length apart plus skip bytes), the
 * accumulator starts from *start++ (int32: bias or partial sum) less the chunk's input pairs' sum,
 * runs the pairs of the widened chunk (tx_hw_widen_pairs_s8's Y), then either stores the sum in
 * *partial++ or requantizes it with q's next channel into *out++.
 */
#if defined(__MSP430__) && !defined(TX_SMALL_CODE)
#define TX_HW_PAIR_ROWS_ASM 1

/* What the loop reads at fixed offsets (checked in tx_msp430_hwmult.c). */
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
} tx_hw_pair_chunk;

void tx_hw_pair_rows(tx_hw_pair_chunk *s, const int8_t *w, const void *start, tx_hw_requant *q,
                     int8_t *out, uint16_t count);
#endif

#endif /* TX_MSP430_HWMULT_H */
