/*
 * The Helium tx_conv2d_s8's groups for windows of at most 16 taps (runtime-c/arm-mve/src/
 * tx_conv2d_s8.c: MobileNet VWW's 8 -> 16 pointwise layer, 1x1 layers of few channels): static
 * functions, included only by that kernel, inside its TX_MVE section, after mve_pixel and
 * mve_group.
 *
 * pixel_groups runs a tail-predicated loop per group of four channels, whose set-up and one pass
 * cost as much as the output stage for windows this short. Here a pixel's window is one vector
 * (one predicated load: lanes past fs read nothing and are 0), the block's filter rows are copied
 * once per block to rows of 16 bytes (zero past fs, tx_mve_pad16), and a group is four loads and
 * four VMLADAV.S8 into the four sums (one-lane VMOVs put them in the channel order of the group
 * table), then the output stage for shifts <= -1 (as MVE_STAGE_NARROW) and one narrowing store:
 * 26 instructions a group of four channels, where pixel_groups takes about 40.
 */
#ifndef TX_MVE_PIXELS16_H
#define TX_MVE_PIXELS16_H

/* dst: the nb filter rows of fs <= 16 bytes from src, in rows of 16 zero-padded bytes. */
static void tx_mve_pad16(int8_t *dst, const int8_t *src, int32_t fs, int32_t nb)
{
    const mve_pred16_t pr = vctp8q((uint32_t)fs);
    int32_t k;
    for (k = 0; k < nb; k++) {
        vst1q_s8(dst + 16 * k, vldrbq_z_s8(src + k * fs, pr));
    }
}

/* pixel_groups for fs <= 16 and every shift <= -1, a->w the block's rows of 16 bytes. */
static __attribute__((naked, noinline)) void pixel_groups16(const mve_pixel *a
                                                                          __attribute__((unused)))
{
    __asm__ volatile(
        "push        {r4-r11, lr}\n\t"
        "vpush       {d8-d15}\n\t"
        "ldr         r3, [r0, #28]\n\t"
        "ldr         r9, [r0, #32]\n\t"
        "vdup.32     q6, r9\n\t"
        "ldr         r9, [r0, #36]\n\t"
        "vdup.32     q7, r9\n\t"
        "ldr         r9, [r0, #8]\n\t"
        "mov         r11, r0\n"
        "2:\n\t"
        "ldr         r0, [r11]\n\t"
        "vctp.8      r9\n\t"
        "vpst\n\t"
        "vldrbt.u8   q5, [r0]\n\t"
        "ldr         r1, [r11, #4]\n\t"
        "ldr         r5, [r11, #16]\n\t"
        "ldr         r7, [r11, #20]\n\t"
        "ldr         r6, [r11, #24]\n\t"
        "lsrs        r6, r6, #2\n\t"
        "dls         lr, r6\n"
        "0:\n\t"
        "vldrb.u8    q1, [r1], #16\n\t"
        "vmladav.s8  r6, q5, q1\n\t"
        "vldrb.u8    q1, [r1], #16\n\t"
        "vmladav.s8  r8, q5, q1\n\t"
        "vldrb.u8    q1, [r1], #16\n\t"
        "vmladav.s8  r10, q5, q1\n\t"
        "vldrb.u8    q1, [r1], #16\n\t"
        "vmladav.s8  r12, q5, q1\n\t"
        "vmov.32     q4[0], r6\n\t"
        "vmov.32     q4[1], r8\n\t"
        "vmov.32     q4[2], r10\n\t"
        "vmov.32     q4[3], r12\n\t"
        "vldrw.u32   q3, [r5]\n\t"
        "vadd.i32    q4, q4, q3\n\t"
        "vldrw.u32   q1, [r5, #16]\n\t"
        "vldrw.u32   q2, [r5, #32]\n\t"
        "adds        r5, r5, #48\n\t"
        "vmulh.s32   q3, q4, q1\n\t"
        "vrmulh.s32  q0, q4, q1\n\t"
        "vcmp.i32    eq, q2, zr\n\t"
        "vpsel       q3, q0, q3\n\t"
        "vrshl.s32   q3, q3, q2\n\t"
        "vadd.i32    q3, q3, r3\n\t"
        "vmax.s32    q3, q3, q6\n\t"
        "vmin.s32    q3, q3, q7\n\t"
        "vstrb.32    q3, [r7], #4\n\t"
        "le          lr, 0b\n\t"
        "ldr         r6, [r11, #20]\n\t"
        "ldr         r0, [r11, #48]\n\t"
        "add         r6, r6, r0\n\t"
        "str         r6, [r11, #20]\n\t"
        "ldr         r6, [r11]\n\t"
        "ldr         r0, [r11, #40]\n\t"
        "add         r6, r6, r0\n\t"
        "str         r6, [r11]\n\t"
        "ldr         r6, [r11, #44]\n\t"
        "subs        r6, r6, #1\n\t"
        "str         r6, [r11, #44]\n\t"
        "bne         2b\n\t"
        "vpop        {d8-d15}\n\t"
        "pop         {r4-r11, pc}");
}

#endif /* TX_MVE_PIXELS16_H */
