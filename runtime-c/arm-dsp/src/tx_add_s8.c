/*
 * Cortex-M DSP-extension variant of tx_add_s8 (same name, signature and bits as
 * runtime-c/src/tx_add_s8.c). The reference requantizes each offset input in 64 bits and the
 * sum again; here, when the parameters lie in the ranges of tx_arm_dsp_requant.h (always for
 * TFLite-style parameters: left shift 20, input multipliers at most 1/2, output shift in
 * [-23, -2]), each input is one MLA ((x + offset) << e as x * 2^e + offset * 2^e) and one SMMULR
 * (the second an SMMLAR that also adds the first), the output one SMMLA (rounding constant and
 * zero point folded in) and one shift; four results are saturated to int8, packed into a word and
 * clamped to the activation range with SSUB8/SEL. Other parameters, and every case without
 * __ARM_FEATURE_DSP, take the reference loop.
 */
#include "tx_add_s8.h"

#include "tx_arm_dsp.h"
#include "tx_add_s8_body.h"
#include "tx_add_s8_stages.h"
#include "tx_arm_dsp_requant.h"

#if defined(__ARM_FEATURE_DSP)
static uint32_t dup8(int32_t v)
{
  return ((uint32_t)v & UINT32_C(0xFF)) * UINT32_C(0x01010101);
}

static void add_dsp(const tx_add_s8_params *p, int32_t count, int32_t e1, int32_t e2,
                    const int8_t *in1, const int8_t *in2, int8_t *out)
{
  const int32_t p1 = (int32_t)(INT32_C(1) << e1);
  const int32_t p2 = (int32_t)(INT32_C(1) << e2);
  const int32_t k1 = p->input1_offset * p1;
  const int32_t k2 = p->input2_offset * p2;
  const int32_t m1 = p->input1_multiplier;
  const int32_t m2 = p->input2_multiplier;
  const int32_t mo = p->output_multiplier;
  const int32_t co = tx_dsp_requant_out_c(p->output_offset, p->output_shift);
  const int32_t ko = tx_dsp_requant_out_k(p->output_shift);
  const uint32_t lo4 = dup8(p->act_min);
  const uint32_t hi4 = dup8(p->act_max);
  int32_t n = count >> 2;
  int32_t i;

#define TX_ADD_ONE(j)                                                                      \
  tx_dsp_ssat8(tx_asr_s32(tx_dsp_smmla(tx_dsp_smmlar(tx_dsp_mla(in2[j], p2, k2), m2,             \
                                               tx_dsp_smmulr(tx_dsp_mla(in1[j], p1, k1), m1)), \
                                 mo, co),                                                  \
                    ko))

  for (; n > 0; n--) {
    const int32_t r0 = TX_ADD_ONE(0);
    const int32_t r1 = TX_ADD_ONE(1);
    const int32_t r2 = TX_ADD_ONE(2);
    const int32_t r3 = TX_ADD_ONE(3);
    const uint32_t packed = tx_dsp_clamp8x4(tx_dsp_pack8x4(r0, r1, r2, r3), lo4, hi4);
    memcpy(out, &packed, sizeof packed);
    in1 += 4;
    in2 += 4;
    out += 4;
  }
  for (i = 0; i < (count & 3); i++) {
    const int32_t r = TX_ADD_ONE(i);
    out[i] = (int8_t)tx_clamp_s32(r, p->act_min, p->act_max);
  }
#undef TX_ADD_ONE
}
#endif

tx_status tx_add_s8(const tx_add_s8_params *p, const tx_shape4 *shape, const int8_t *in1,
                    const int8_t *in2, int8_t *out)
{
  const int32_t count = tx_add_s8_count(p, shape, in1, in2, out);
  if (count < 0) {
    return TX_ERR_ARGUMENT;
  }
#if defined(__ARM_FEATURE_DSP)
  {
    int32_t e1, e2;
    if (tx_add_s8_stages_ok(p, &e1, &e2)) {
      add_dsp(p, count, e1, e2, in1, in2, out);
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
