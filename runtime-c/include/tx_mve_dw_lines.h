/*
 * The channel kernel of the Helium tx_depthwise_conv2d_s8
 * (runtime-c/arm-mve/src/tx_depthwise_conv2d_s8.c) for windows of at most 16 taps within 256
 * bytes of a plane (tx_mve_dw_planes.h, read it first) and shifts <= -1: static functions,
 * included only by that kernel, inside its TX_MVE section, after tx_mve_dw_planes.h.
 *
 * One output is two instructions: a gather of its window's taps from the plane (VLDRB.U8 with
 * the taps' byte offsets in q2, at most 16) and their dot product with the channel's weights
 * (VMLADAV.S8 against q1, whose lanes past the taps are 0, so the gathered bytes there do not
 * count), exact modulo 2^32 as in tx_arm_mve.h. Four outputs along a line then go into one vector
 * (two two-lane VMOVs) for the output stage, which for shifts <= -1 is two instructions: with
 * t = VQDMULH(acc, m) = floor(acc * m / 2^31) (m >= 0, so it never saturates), VRSHL by the shift
 * s rounds t right by -s: floor((t + 2^(-s-1)) / 2^-s) = floor((acc * m + 2^(30-s)) / 2^(31-s))
 * (the floor of a floor over a power of two), tx_requantize's value. Then the zero point, the
 * activation range and a scatter store to the four outputs' NHWC places: 23 instructions for four
 * outputs, whatever the stride, dilation or window. A line's last one to three outputs take a
 * block of four whose extra windows read past the line (the plane's slack) and are not stored.
 * The channels of a group go one after the other in the same call (about 25 instructions a
 * channel). Naked: the loop holds 13 general registers and all eight vectors.
 */
#ifndef TX_MVE_DW_LINES_H
#define TX_MVE_DW_LINES_H

/* One channel of a group: what the assembly reads (byte offsets fixed by it). */
typedef struct {
    int8_t w[16];   /*  0: the weights of taps 0 .. 15, 0 past the window's taps */
    int32_t init;   /* 16: bias + input offset * the weights' sum */
    int32_t mult;   /* 20 */
    int32_t shift;  /* 24: <= -1 */
    int32_t unused;
} tx_mve_dw_chan;

/* What the assembly reads (byte offsets fixed by it). */
typedef struct {
    const int8_t *p;            /*  0: the first channel's plane: line 0's first window */
    int8_t *out;                /*  4: the first channel's output of line 0, output 0 */
    int32_t pline;              /*  8: plane bytes from one line's windows to the next's */
    int32_t oline;              /* 12: output bytes from one line to the next */
    int32_t n;                  /* 16: outputs per line (>= 1) */
    int32_t lines;              /* 20: (>= 1) */
    int32_t pstep;              /* 24: plane bytes from one window to the next along a line */
    const tx_mve_dw_chan *tab;  /* 28: the channels */
    uint8_t toff[16];           /* 32: the taps' offsets in a window, 0 past its taps */
    int32_t ostep;              /* 48: output bytes from one output to the next along a line */
    int32_t zp;                 /* 52: output zero point */
    int32_t lo, hi;             /* 56, 60: activation range */
    int32_t plane;              /* 64: bytes from one channel's plane to the next's */
    int32_t channels;           /* 68: (>= 1) */
    /* tx_mve_dw_flat only: */
    int32_t blocks;             /* 72: blocks of four outputs (>= 1) */
    const uint32_t *woff;       /* 76: per block, its four windows' offsets from p */
    const uint32_t *ooff;       /* 80: per block, its four outputs' offsets from out */
} tx_mve_dw_lines_args;

/* The four outputs of a block into q3, starting at the window r1 (stepped by r3 to the next). */
#define TX_MVE_DW_BLOCK \
    "vldrb.u8    q0, [r1, q2]\n\t" \
    "add         r1, r1, r3\n\t" \
    "vmladav.s8  r0, q0, q1\n\t" \
    "vldrb.u8    q0, [r1, q2]\n\t" \
    "add         r1, r1, r3\n\t" \
    "vmladav.s8  r2, q0, q1\n\t" \
    "vldrb.u8    q0, [r1, q2]\n\t" \
    "add         r1, r1, r3\n\t" \
    "vmladav.s8  r4, q0, q1\n\t" \
    "vldrb.u8    q0, [r1, q2]\n\t" \
    "add         r1, r1, r3\n\t" \
    "vmladav.s8  r6, q0, q1\n\t" \
    "vmov        q3[2], q3[0], r0, r4\n\t" \
    "vmov        q3[3], q3[1], r2, r6\n\t" \
    "vadd.i32    q3, q3, r7\n\t" \
    "vqdmulh.s32 q3, q3, r8\n\t" \
    "vrshl.s32   q3, r9\n\t" \
    "vadd.i32    q3, q3, r10\n\t" \
    "vmax.s32    q3, q3, q4\n\t" \
    "vmin.s32    q3, q3, q5\n\t"

static __attribute__((naked, noinline)) void tx_mve_dw_lines(const tx_mve_dw_lines_args *a
                                                                       __attribute__((unused)))
{
    __asm__ volatile(
        "push        {r4-r11, lr}\n\t"
        "vpush       {d8-d15}\n\t"
        "sub         sp, sp, #72\n\t"
        /* the outputs' offsets in a block, into the lanes as the block's VMOVs put the outputs
         * (so the lanes agree whichever lane each VMOV register names): [sp, #32], and a line's
         * (which step) at [sp, #16] */
        "ldr         r2, [r0, #48]\n\t"
        "str         r2, [sp, #12]\n\t"
        "movs        r4, #0\n\t"
        "lsls        r6, r2, #1\n\t"
        "add         r3, r6, r2\n\t"
        "vmov        q6[2], q6[0], r4, r6\n\t"
        "vmov        q6[3], q6[1], r2, r3\n\t"
        "vstrw.32    q6, [sp, #32]\n\t"
        "lsls        r2, r2, #2\n\t"
        "vdup.32     q7, r2\n\t"
        "ldr         r10, [r0, #52]\n\t"
        "ldr         r2, [r0, #56]\n\t"
        "vdup.32     q4, r2\n\t"
        "ldr         r2, [r0, #60]\n\t"
        "vdup.32     q5, r2\n\t"
        "vldrb.u8    q2, [r0, #32]\n\t"
        "ldr         r3, [r0, #24]\n\t"
        "ldr         r12, [r0, #16]\n\t"
        "ldr         r2, [r0, #8]\n\t"
        "str         r2, [sp, #0]\n\t"
        "ldr         r2, [r0, #12]\n\t"
        "str         r2, [sp, #4]\n\t"
        "ldr         r2, [r0, #20]\n\t"
        "str         r2, [sp, #64]\n\t"
        "ldr         r2, [r0, #0]\n\t"
        "str         r2, [sp, #48]\n\t"
        "ldr         r2, [r0, #4]\n\t"
        "str         r2, [sp, #52]\n\t"
        "ldr         r2, [r0, #28]\n\t"
        "str         r2, [sp, #56]\n\t"
        "ldr         r2, [r0, #64]\n\t"
        "str         r2, [sp, #68]\n\t"
        "ldr         r2, [r0, #68]\n\t"
        "str         r2, [sp, #60]\n"
        /* a channel: its weights, sums' start, multiplier and shift; its plane and outputs */
        "6:\n\t"
        "ldr         r1, [sp, #56]\n\t"
        "vldrb.u8    q1, [r1]\n\t"
        "ldr         r7, [r1, #16]\n\t"
        "ldr         r8, [r1, #20]\n\t"
        "ldr         r9, [r1, #24]\n\t"
        "adds        r1, r1, #32\n\t"
        "str         r1, [sp, #56]\n\t"
        "ldr         r11, [sp, #48]\n\t"
        "ldr         r5, [sp, #52]\n\t"
        "vldrw.u32   q6, [sp, #32]\n\t"
        "vstrw.32    q6, [sp, #16]\n\t"
        "ldr         r2, [sp, #64]\n\t"
        "str         r2, [sp, #8]\n"
        /* a line */
        "3:\n\t"
        "mov         r1, r11\n\t"
        "lsrs        lr, r12, #2\n\t"
        "wls         lr, lr, 4f\n"
        "1:\n\t"
        TX_MVE_DW_BLOCK
        "vstrb.32    q3, [r5, q6]\n\t"
        "vadd.i32    q6, q6, q7\n\t"
        "le          lr, 1b\n"
        "4:\n\t"
        "ands        r2, r12, #3\n\t"
        "beq         5f\n\t"
        TX_MVE_DW_BLOCK
        /* store the lanes of the block's first n % 4 outputs */
        "ands        r2, r12, #3\n\t"
        "ldr         r1, [sp, #12]\n\t"
        "muls        r2, r1, r2\n\t"
        "vldrw.u32   q0, [sp, #32]\n\t"
        "vpt.s32     lt, q0, r2\n\t"
        "vstrbt.32   q3, [r5, q6]\n"
        "5:\n\t"
        "ldr         r2, [sp, #0]\n\t"
        "add         r11, r11, r2\n\t"
        "vldrw.u32   q6, [sp, #16]\n\t"
        "ldr         r2, [sp, #4]\n\t"
        "vadd.i32    q6, q6, r2\n\t"
        "vstrw.32    q6, [sp, #16]\n\t"
        "ldr         r2, [sp, #8]\n\t"
        "subs        r2, r2, #1\n\t"
        "str         r2, [sp, #8]\n\t"
        "bne         3b\n\t"
        /* the next channel */
        "ldr         r2, [sp, #48]\n\t"
        "ldr         r1, [sp, #68]\n\t"
        "add         r2, r2, r1\n\t"
        "str         r2, [sp, #48]\n\t"
        "ldr         r2, [sp, #52]\n\t"
        "adds        r2, r2, #1\n\t"
        "str         r2, [sp, #52]\n\t"
        "ldr         r2, [sp, #60]\n\t"
        "subs        r2, r2, #1\n\t"
        "str         r2, [sp, #60]\n\t"
        "bne         6b\n\t"
        "add         sp, sp, #72\n\t"
        "vpop        {d8-d15}\n\t"
        "pop         {r4-r11, pc}");
}

/*
 * The same for a tile of few outputs (tx_mve_dw_plane.flat): one run of blocks of four through
 * every output, the blocks' windows and outputs at the offsets of two tables (a last block of one
 * to three outputs repeats its last one, which stores the same byte twice), so that narrow lines
 * (MobileNet's 6x6 and 3x3 layers) pay neither a line's steps nor a part-empty block per line:
 * 26 instructions a block (the offsets in with an LDM each, and into q6 by the VMOVs that put the
 * outputs into q3, so that the lanes agree).
 */
static __attribute__((naked, noinline)) void tx_mve_dw_flat(const tx_mve_dw_lines_args *a
                                                                      __attribute__((unused)))
{
    __asm__ volatile(
        "push        {r4-r11, lr}\n\t"
        "vpush       {d8-d15}\n\t"
        "sub         sp, sp, #24\n\t"
        "ldr         r10, [r0, #52]\n\t"
        "ldr         r2, [r0, #56]\n\t"
        "vdup.32     q4, r2\n\t"
        "ldr         r2, [r0, #60]\n\t"
        "vdup.32     q5, r2\n\t"
        "vldrb.u8    q2, [r0, #32]\n\t"
        "ldr         r3, [r0, #0]\n\t"
        "ldr         r5, [r0, #4]\n\t"
        "ldr         r2, [r0, #28]\n\t"
        "str         r2, [sp, #0]\n\t"
        "ldr         r2, [r0, #64]\n\t"
        "str         r2, [sp, #4]\n\t"
        "ldr         r2, [r0, #68]\n\t"
        "str         r2, [sp, #8]\n\t"
        "ldr         r2, [r0, #72]\n\t"
        "str         r2, [sp, #12]\n\t"
        "ldr         r2, [r0, #76]\n\t"
        "str         r2, [sp, #16]\n\t"
        "ldr         r2, [r0, #80]\n\t"
        "str         r2, [sp, #20]\n"
        "6:\n\t"
        "ldr         r1, [sp, #0]\n\t"
        "vldrb.u8    q1, [r1]\n\t"
        "ldr         r7, [r1, #16]\n\t"
        "ldr         r8, [r1, #20]\n\t"
        "ldr         r9, [r1, #24]\n\t"
        "adds        r1, r1, #32\n\t"
        "str         r1, [sp, #0]\n\t"
        "ldr         r11, [sp, #16]\n\t"
        "ldr         r12, [sp, #20]\n\t"
        "ldr         lr, [sp, #12]\n\t"
        "dls         lr, lr\n"
        "1:\n\t"
        "ldm         r11!, {r0, r2, r4, r6}\n\t"
        "add         r1, r3, r0\n\t"
        "vldrb.u8    q0, [r1, q2]\n\t"
        "vmladav.s8  r0, q0, q1\n\t"
        "add         r1, r3, r2\n\t"
        "vldrb.u8    q0, [r1, q2]\n\t"
        "vmladav.s8  r2, q0, q1\n\t"
        "add         r1, r3, r4\n\t"
        "vldrb.u8    q0, [r1, q2]\n\t"
        "vmladav.s8  r4, q0, q1\n\t"
        "add         r1, r3, r6\n\t"
        "vldrb.u8    q0, [r1, q2]\n\t"
        "vmladav.s8  r6, q0, q1\n\t"
        "vmov        q3[2], q3[0], r0, r4\n\t"
        "vmov        q3[3], q3[1], r2, r6\n\t"
        "vadd.i32    q3, q3, r7\n\t"
        "vqdmulh.s32 q3, q3, r8\n\t"
        "vrshl.s32   q3, r9\n\t"
        "vadd.i32    q3, q3, r10\n\t"
        "vmax.s32    q3, q3, q4\n\t"
        "vmin.s32    q3, q3, q5\n\t"
        "ldm         r12!, {r0, r2, r4, r6}\n\t"
        "vmov        q6[2], q6[0], r0, r4\n\t"
        "vmov        q6[3], q6[1], r2, r6\n\t"
        "vstrb.32    q3, [r5, q6]\n\t"
        "le          lr, 1b\n\t"
        "ldr         r2, [sp, #4]\n\t"
        "add         r3, r3, r2\n\t"
        "adds        r5, r5, #1\n\t"
        "ldr         r2, [sp, #8]\n\t"
        "subs        r2, r2, #1\n\t"
        "str         r2, [sp, #8]\n\t"
        "bne         6b\n\t"
        "add         sp, sp, #24\n\t"
        "vpop        {d8-d15}\n\t"
        "pop         {r4-r11, pc}");
}

#endif /* TX_MVE_DW_LINES_H */
