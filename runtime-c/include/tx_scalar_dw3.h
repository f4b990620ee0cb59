/*
 * The 3x3 depthwise block of the scalar cortex-m3 variant (runtime-c/arm-scalar/src/
 * tx_depthwise_conv2d_s8.c): two horizontally adjacent output pixels by four channels whose
 * windows lie inside the input, in one pass of straight-line assembly.
 *
 * Why: the per-pixel loop (dw_quad) spends 18 instructions per tap on four MACs (4 LDRSB of
 * inputs, 4 of weights, 4 MLA, 2 loads and 2 adds of its steps table, the loop), 4.5 per MAC.
 * Here each weight load serves both pixels and the nine taps are unrolled with the steps in
 * registers: 20 instructions per tap for eight MACs (4 LDRSB of weights, 8 of inputs, 8 MLA),
 * 2.5 per MAC, plus 8 pointer steps per window.
 *
 * Registers: r0 the input (pixel A; pixel B is r2 = stride_w * ch bytes on, a register offset),
 * r1 the weights, r3 the column step (dilation_w * ch), r4-r7 pixel A's four sums, r8-r11 pixel
 * B's, r12 and lr the loaded input and weight. The input pointer takes each tap's four channels
 * with writeback, alternately downwards (pre-decrement from the tap + 4: channels 3, 2, 1, 0) and
 * upwards (post-increment from the tap: 0, 1, 2, 3), so that a column step lands exactly on the
 * next tap's start and no other add is needed; tx_scalar_dw3_weights lays the weights out in the
 * same order. The row step (dilation_h * row bytes - 2 * column step + 4) is on the stack.
 * Bit-exact: each product of an int8 input and weight fits int32 and MLA's sums wrap modulo 2^32
 * as the reference's do; the input offset is folded into the sums' start by the caller (windows
 * inside the input only).
 * Static functions: include only from that kernel's source, on Thumb-2 (__thumb2__).
 */
#ifndef TX_SCALAR_DW3_H
#define TX_SCALAR_DW3_H

#include <stdint.h>
#include <string.h>

/* Bytes of weights of one channel group: nine taps of four channels. */
#define TX_SCALAR_DW3_WEIGHTS 36

/* A tap downwards: the input pointer at the tap + 4, left at the tap; channel j's weight into lr,
 * pixel A's value (pre-decrement) and pixel B's (register offset) into r12, then the MLAs. */
#define TX_SCALAR_DW3_DOWN_CHANNEL(a, b)                                                           \
    "ldrsb  lr, [r1], #1\n\t"                                                                      \
    "ldrsb  r12, [r0, #-1]!\n\t"                                                                   \
    "mla    " a ", r12, lr, " a "\n\t"                                                             \
    "ldrsb  r12, [r0, r2]\n\t"                                                                     \
    "mla    " b ", r12, lr, " b "\n\t"
#define TX_SCALAR_DW3_DOWN                                                                         \
    TX_SCALAR_DW3_DOWN_CHANNEL("r7", "r11")                                                        \
    TX_SCALAR_DW3_DOWN_CHANNEL("r6", "r10")                                                        \
    TX_SCALAR_DW3_DOWN_CHANNEL("r5", "r9")                                                         \
    TX_SCALAR_DW3_DOWN_CHANNEL("r4", "r8")

/* A tap upwards: the input pointer at the tap, left at the tap + 4. */
#define TX_SCALAR_DW3_UP_CHANNEL(a, b)                                                             \
    "ldrsb  lr, [r1], #1\n\t"                                                                      \
    "ldrsb  r12, [r0, r2]\n\t"                                                                     \
    "mla    " b ", r12, lr, " b "\n\t"                                                             \
    "ldrsb  r12, [r0], #1\n\t"                                                                     \
    "mla    " a ", r12, lr, " a "\n\t"
#define TX_SCALAR_DW3_UP                                                                           \
    TX_SCALAR_DW3_UP_CHANNEL("r4", "r8")                                                           \
    TX_SCALAR_DW3_UP_CHANNEL("r5", "r9")                                                           \
    TX_SCALAR_DW3_UP_CHANNEL("r6", "r10")                                                          \
    TX_SCALAR_DW3_UP_CHANNEL("r7", "r11")

/* A window row: down, a column step, up, a column step, down. */
#define TX_SCALAR_DW3_ROW                                                                          \
    TX_SCALAR_DW3_DOWN                                                                             \
    "add    r0, r0, r3\n\t"                                                                        \
    TX_SCALAR_DW3_UP                                                                               \
    "add    r0, r0, r3\n\t"                                                                        \
    TX_SCALAR_DW3_DOWN

/* What tx_scalar_dw3_pair4 takes besides the input and weights (its assembly reads the fields
 * at these offsets). */
typedef struct {
    int32_t pixel_step;    /* 0: pixel B's input from pixel A's, stride_w * ch bytes */
    int32_t col_step;      /* 4: dilation_w * ch */
    int32_t row_step;      /* 8: dilation_h * row bytes - 2 * col_step + 4 */
    const uint32_t *start; /* 12: the four channels' sums' start, the same for both pixels */
} tx_scalar_dw3_geometry;

/* s[j] = start[j] + pixel A's window . channel j's weights, s[4 + j] = start[j] + pixel B's,
 * j = 0 .. 3. x: pixel A's first tap, channel 0, plus 4; w: tx_scalar_dw3_weights' 36 bytes. */
__attribute__((naked, unused)) static void
tx_scalar_dw3_pair4(const int8_t *x __attribute__((unused)), const int8_t *w __attribute__((unused)),
                    const tx_scalar_dw3_geometry *g __attribute__((unused)),
                    uint32_t *s __attribute__((unused)))
{
    __asm__(
        "push   {r4-r11, lr}\n\t"
        "ldr    r12, [r2, #8]\n\t"
        "push   {r3, r12}\n\t"
        "ldr    r12, [r2, #12]\n\t"
        "ldm    r12, {r4-r7}\n\t"
        "mov    r8, r4\n\t"
        "mov    r9, r5\n\t"
        "mov    r10, r6\n\t"
        "mov    r11, r7\n\t"
        "ldr    r3, [r2, #4]\n\t"
        "ldr    r2, [r2, #0]\n\t"
        TX_SCALAR_DW3_ROW
        "ldr    r12, [sp, #4]\n\t"
        "add    r0, r0, r12\n\t"
        TX_SCALAR_DW3_ROW
        "ldr    r12, [sp, #4]\n\t"
        "add    r0, r0, r12\n\t"
        TX_SCALAR_DW3_ROW
        "pop    {r3, r12}\n\t"
        "stm    r3, {r4-r11}\n\t"
        "pop    {r4-r11, pc}\n\t");
}

/* The weights of channels c .. c + 3 (filter points at channel c of tap 0; taps ch bytes apart)
 * in the order tx_scalar_dw3_pair4 reads them: per window row, the first and last taps' channels
 * 3, 2, 1, 0 (a byte-reversed word, REV) and the middle tap's 0, 1, 2, 3. */
static void tx_scalar_dw3_weights(const int8_t *filter, int32_t ch, int8_t *w)
{
    int32_t k;
    for (k = 0; k < 9; k += 3) {
        uint32_t v0;
        uint32_t v1;
        uint32_t v2;
        memcpy(&v0, filter + k * ch, 4);
        memcpy(&v1, filter + (k + 1) * ch, 4);
        memcpy(&v2, filter + (k + 2) * ch, 4);
        v0 = __builtin_bswap32(v0);
        v2 = __builtin_bswap32(v2);
        memcpy(w + 4 * k, &v0, 4);
        memcpy(w + 4 * k + 4, &v1, 4);
        memcpy(w + 4 * k + 8, &v2, 4);
    }
}

#endif /* TX_SCALAR_DW3_H */
