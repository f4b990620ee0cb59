/*
 * Helium (MVE, Cortex-M55) variant of tx_add_s8 (same name, signature and bits as
 * runtime-c/src/tx_add_s8.c): the arithmetic of the DSP variant (runtime-c/arm-dsp/src/
 * tx_add_s8.c, whose comment and tx_arm_dsp_requant.h prove it exact for the parameter ranges
 * checked here) on four elements per vector: each input x * 2^e + offset * 2^e (VMUL and VADD
 * by a scalar) then VRMULH by its multiplier (SMMULR), their sum, VMULH by the output multiplier
 * plus C (SMMLA), an arithmetic shift right by k and the activation clamp (which lies inside the
 * int8 range, so it also does SSAT's work), one narrowing store. A tail-predicated loop in
 * assembly: 16 instructions per four elements, where the DSP variant took about 15 per element
 * (ResNet-8's residual Adds on cortex-m55). Other parameters, and every case without MVE, take
 * the reference loop.
 */
#include "tx_add_s8.h"

#include "tx_add_s8_body.h"
#include "tx_arm_mve.h"
#include "tx_add_s8_stages.h"
#include "tx_arm_dsp_requant.h"

#if defined(TX_MVE)
/* What add_mve reads (byte offsets fixed by its assembly). */
typedef struct {
    const int8_t *in1;  /*  0 */
    const int8_t *in2;  /*  4 */
    int8_t *out;        /*  8 */
    int32_t count;      /* 12: >= 1 */
    int32_t p1, k1;     /* 16, 20: 2^e1 and input1_offset * 2^e1 */
    int32_t p2, k2;     /* 24, 28 */
    int32_t m1, m2, mo; /* 32, 36, 40: the input and output multipliers */
    int32_t co;         /* 44: C of output stage 1 (rounding and zero point) */
    int32_t nk;         /* 48: -k of output stage 1 */
    int32_t lo, hi;     /* 52, 56: the activation range */
} add_args;

/* The count elements; naked: the multipliers and the range live in q3-q7. */
static __attribute__((naked, noinline)) void add_mve(const add_args *a
                                                                   __attribute__((unused)))
{
    __asm__ volatile(
        "push        {r4-r11, lr}\n\t"
        "vpush       {d8-d15}\n\t"
        "ldr         r1, [r0, #4]\n\t"
        "ldr         r2, [r0, #8]\n\t"
        "ldr         r3, [r0, #12]\n\t"
        "ldr         r4, [r0, #16]\n\t"
        "ldr         r5, [r0, #20]\n\t"
        "ldr         r6, [r0, #24]\n\t"
        "ldr         r7, [r0, #28]\n\t"
        "ldr         r8, [r0, #32]\n\t"
        "vdup.32     q3, r8\n\t"
        "ldr         r8, [r0, #36]\n\t"
        "vdup.32     q4, r8\n\t"
        "ldr         r8, [r0, #40]\n\t"
        "vdup.32     q5, r8\n\t"
        "ldr         r8, [r0, #52]\n\t"
        "vdup.32     q6, r8\n\t"
        "ldr         r8, [r0, #56]\n\t"
        "vdup.32     q7, r8\n\t"
        "ldr         r9, [r0, #44]\n\t"
        "ldr         r10, [r0, #48]\n\t"
        "ldr         r0, [r0]\n\t"
        "dlstp.32    lr, r3\n"
        "1:\n\t"
        "vldrb.s32   q0, [r0], #4\n\t"
        "vldrb.s32   q1, [r1], #4\n\t"
        "vmul.i32    q0, q0, r4\n\t"
        "vadd.i32    q0, q0, r5\n\t"
        "vmul.i32    q1, q1, r6\n\t"
        "vadd.i32    q1, q1, r7\n\t"
        "vrmulh.s32  q0, q0, q3\n\t"
        "vrmulh.s32  q1, q1, q4\n\t"
        "vadd.i32    q0, q0, q1\n\t"
        "vmulh.s32   q0, q0, q5\n\t"
        "vadd.i32    q0, q0, r9\n\t"
        "vshl.s32    q0, r10\n\t"
        "vmax.s32    q0, q0, q6\n\t"
        "vmin.s32    q0, q0, q7\n\t"
        "vstrb.32    q0, [r2], #4\n\t"
        "letp        lr, 1b\n\t"
        "vpop        {d8-d15}\n\t"
        "pop         {r4-r11, pc}");
}
#endif

tx_status tx_add_s8(const tx_add_s8_params *p, const tx_shape4 *shape, const int8_t *in1,
                    const int8_t *in2, int8_t *out)
{
    const int32_t count = tx_add_s8_count(p, shape, in1, in2, out);
    if (count < 0) {
        return TX_ERR_ARGUMENT;
    }
#if defined(TX_MVE)
    {
        int32_t e1, e2;
        if (tx_add_s8_stages_ok(p, &e1, &e2)) {
            add_args a;
            if (count == 0) {
                return TX_OK;
            }
            a.in1 = in1;
            a.in2 = in2;
            a.out = out;
            a.count = count;
            a.p1 = (int32_t)(INT32_C(1) << e1);
            a.k1 = p->input1_offset * a.p1;
            a.p2 = (int32_t)(INT32_C(1) << e2);
            a.k2 = p->input2_offset * a.p2;
            a.m1 = p->input1_multiplier;
            a.m2 = p->input2_multiplier;
            a.mo = p->output_multiplier;
            a.co = tx_dsp_requant_out_c(p->output_offset, p->output_shift);
            a.nk = -tx_dsp_requant_out_k(p->output_shift);
            a.lo = p->act_min;
            a.hi = p->act_max;
            add_mve(&a);
            return TX_OK;
        }
    }
#endif
    tx_add_s8_reference(p, count, in1, in2, out);
    return TX_OK;
}

int32_t tx_add_s8_scratch_size(const tx_add_s8_params *p, const tx_shape4 *shape)
{
    (void)p;
    (void)shape;
    return 0;
}
