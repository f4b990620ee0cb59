/*
 * DSP-extension variant of tx_avg_pool_requant_s8 (Cortex-M4, M7, M33); the specification is
 * dev.tenax.kernels.AvgPoolRequantS8, the window walk that of the portable kernel
 * (tx_avg_pool_requant_s8_body.h).
 *
 * Channels go eight (then four) at a time: per tap one LDR per four channels and two SXTAB16,
 * which sign-extend bytes 0 and 2 (1 and 3) and add them to two 16-bit lanes. 256 taps of
 * [-128, 127] sum to [-32768, 32512], so the lanes are exact for up to 256 taps; every 256 taps
 * (and at the end of the window) SMLABB / SMLATB add each lane to its channel's int32 sum, which
 * starts from the offsets' share count * input_offset: sum(in + offset) = sum(in) + count * offset,
 * all within int32 (windows of at most 2^23 taps). The global pools of DS-CNN KWS (125 taps),
 * ResNet-8 (64) and MobileNet VWW (9) each fill one lane group.
 * The output stage is the SMMLA form of tx_requantize_s8 (tx_arm_dsp_requant.h, stage 1) for
 * shifts in [-23, -2], four channels packed and clamped per store; other shifts, and the last
 * one to three channels, take tx_requantize_s8.
 */
#include "tx_avg_pool_requant_s8.h"

#include <string.h>

#include "tx_arm_dsp.h"
#include "tx_arm_dsp_requant.h"
#include "tx_avg_pool_requant_s8_body.h"

#if defined(__ARM_FEATURE_DSP)

/* Taps that 16-bit lanes of int8 sums hold exactly. */
#define TX_POOL_LANE_TAPS 256u

/* One window's taps: `rows` runs of `cols` taps `c` bytes apart, the runs `row` bytes apart. */
typedef struct {
  const int8_t *first;
  size_t rows, cols, row, c;
} tap_runs;

/* s[j] += lane j of the lane pairs: a[0] holds channels 0 and 2, a[1] 1 and 3 (then 4 to 7). */
static inline __attribute__((always_inline)) void flush_lanes(const int32_t *a, int32_t *s,
                                                              int words)
{
  int i;
  for (i = 0; i < words; i++) {
    s[4 * i + 0] = __smlabb(a[2 * i], 1, s[4 * i + 0]);
    s[4 * i + 2] = __smlatb(a[2 * i], 1, s[4 * i + 2]);
    s[4 * i + 1] = __smlabb(a[2 * i + 1], 1, s[4 * i + 1]);
    s[4 * i + 3] = __smlatb(a[2 * i + 1], 1, s[4 * i + 3]);
  }
}

/* s[0..7] += the window's sums of the eight channels from t->first (s starts from the offsets). */
static void sum8(const tap_runs *t, int32_t s[8])
{
  const size_t c = t->c;
  const int8_t *run = t->first;
  size_t lane_taps = 0u; /* taps in the lanes since the last flush */
  int32_t a[4] = {0, 0, 0, 0};
  size_t r;
  for (r = 0u; r < t->rows; r++, run += t->row) {
    const int8_t *q = run;
    size_t left = t->cols;
    while (left > 0u) {
      size_t n = TX_POOL_LANE_TAPS - lane_taps;
      int32_t a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
      n = n < left ? n : left;
      left -= n;
      lane_taps += n;
      do {
        const int32_t v0 = tx_dsp_load4(q);
        const int32_t v1 = tx_dsp_load4(q + 4);
        q += c;
        a0 = __sxtab16(a0, v0);
        a1 = tx_dsp_sxtab16_ror8(a1, v0);
        a2 = __sxtab16(a2, v1);
        a3 = tx_dsp_sxtab16_ror8(a3, v1);
      } while (--n != 0u);
      a[0] = a0;
      a[1] = a1;
      a[2] = a2;
      a[3] = a3;
      if (lane_taps == TX_POOL_LANE_TAPS) {
        flush_lanes(a, s, 2);
        a[0] = a[1] = a[2] = a[3] = 0;
        lane_taps = 0u;
      }
    }
  }
  flush_lanes(a, s, 2);
}

/* s[0..3] += the window's sums of the four channels from t->first. */
static void sum4(const tap_runs *t, int32_t s[4])
{
  const size_t c = t->c;
  const int8_t *run = t->first;
  size_t lane_taps = 0u;
  int32_t a[2] = {0, 0};
  size_t r;
  for (r = 0u; r < t->rows; r++, run += t->row) {
    const int8_t *q = run;
    size_t left = t->cols;
    while (left > 0u) {
      size_t n = TX_POOL_LANE_TAPS - lane_taps;
      int32_t a0 = a[0], a1 = a[1];
      n = n < left ? n : left;
      left -= n;
      lane_taps += n;
      do {
        const int32_t v = tx_dsp_load4(q);
        q += c;
        a0 = __sxtab16(a0, v);
        a1 = tx_dsp_sxtab16_ror8(a1, v);
      } while (--n != 0u);
      a[0] = a0;
      a[1] = a1;
      if (lane_taps == TX_POOL_LANE_TAPS) {
        flush_lanes(a, s, 1);
        a[0] = a[1] = 0;
        lane_taps = 0u;
      }
    }
  }
  flush_lanes(a, s, 1);
}

/* The output stage for one call: stage 1 of tx_arm_dsp_requant.h when the shift allows it. */
typedef struct {
  int fast;
  int32_t m, cst, k;
  uint32_t lo4, hi4;
  const tx_avg_pool_requant_s8_params *p;
} out_stage;

static inline __attribute__((always_inline)) int32_t out1(const out_stage *o, int32_t acc)
{
  return tx_dsp_ssat8(tx_asr_s32(tx_dsp_smmla(acc, o->m, o->cst), o->k));
}

/* n sums (n a multiple of 4) to n outputs at out. */
static void store(const out_stage *o, const int32_t *s, int8_t *out, int n)
{
  int j;
  if (!o->fast) {
    for (j = 0; j < n; j++) {
      out[j] = tx_requantize_s8(s[j], o->p->multiplier, o->p->shift, o->p->output_offset,
                                o->p->act_min, o->p->act_max);
    }
    return;
  }
  for (j = 0; j < n; j += 4) {
    const uint32_t v = tx_dsp_clamp8x4(tx_dsp_pack8x4(out1(o, s[j]), out1(o, s[j + 1]),
                                                      out1(o, s[j + 2]), out1(o, s[j + 3])),
                                       o->lo4, o->hi4);
    memcpy(out + j, &v, sizeof v);
  }
}

static uint32_t dup8(int32_t v)
{
  return ((uint32_t)v & UINT32_C(0xFF)) * UINT32_C(0x01010101);
}

static void avg_pool_dsp(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                         const int8_t *in, const tx_shape4 *out_shape, int8_t *out)
{
  const size_t c = (size_t)in_shape->c;
  const size_t row = (size_t)in_shape->w * c;
  out_stage o;
  tx_pool_walk w;
  tx_pool_window win;
  o.fast = tx_dsp_requant_out_ok(p->shift);
  o.m = p->multiplier;
  o.cst = o.fast ? tx_dsp_requant_out_c(p->output_offset, p->shift) : 0;
  o.k = tx_dsp_requant_out_k(p->shift);
  o.lo4 = dup8(p->act_min);
  o.hi4 = dup8(p->act_max);
  o.p = p;
  tx_pool_walk_init(&w, in_shape, out_shape, p->filter_h, p->filter_w, p->stride_h, p->stride_w,
                    p->pad_top, p->pad_left);
  while (tx_pool_walk_next(&w, &win)) {
    const size_t count = win.rows * win.cols;
    const int32_t offsets = tx_avg_pool_requant_offsets(count, p->input_offset);
    tap_runs t;
    int32_t s[8];
    size_t ch = 0u;
    int j;
    if (count == 0u) {
      /* padding only: the sums are 0 (tx_avg_pool_requant_s8_reference) */
      for (; ch < c; ch++) {
        *out++ = tx_requantize_s8(0, p->multiplier, p->shift, p->output_offset, p->act_min,
                                  p->act_max);
      }
      continue;
    }
    t.first = in + win.begin;
    t.rows = win.rows;
    t.cols = win.cols;
    t.row = row;
    t.c = c;
    if (win.cols * c == row && win.rows > 1u) {
      /* whole input rows (a global pool): one run of taps, c apart */
      t.cols = count;
      t.rows = 1u;
    }
    for (; ch + 8u <= c; ch += 8u, t.first += 8, out += 8) {
      for (j = 0; j < 8; j++) {
        s[j] = offsets;
      }
      sum8(&t, s);
      store(&o, s, out, 8);
    }
    if (ch + 4u <= c) {
      for (j = 0; j < 4; j++) {
        s[j] = offsets;
      }
      sum4(&t, s);
      store(&o, s, out, 4);
      ch += 4u;
      t.first += 4;
      out += 4;
    }
    for (; ch < c; ch++, t.first++) {
      *out++ = tx_requantize_s8(tx_pool_sum(t.first, win.rows_last, win.cols_last, row, c)
                                    + offsets,
                                p->multiplier, p->shift, p->output_offset, p->act_min,
                                p->act_max);
    }
  }
}
#endif /* __ARM_FEATURE_DSP */

tx_status tx_avg_pool_requant_s8(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                                 const int8_t *in, const tx_shape4 *out_shape, int8_t *out)
{
  if (!tx_avg_pool_requant_s8_valid(p, in_shape, in, out_shape, out)) {
    return TX_ERR_ARGUMENT;
  }
#if defined(__ARM_FEATURE_DSP)
  avg_pool_dsp(p, in_shape, in, out_shape, out);
#else
  tx_avg_pool_requant_s8_reference(p, in_shape, in, out_shape, out);
#endif
  return TX_OK;
}

int32_t tx_avg_pool_requant_s8_scratch_size(const tx_avg_pool_requant_s8_params *p,
                                            const tx_shape4 *in_shape)
{
  (void)p;
  (void)in_shape;
  return 0;
}
