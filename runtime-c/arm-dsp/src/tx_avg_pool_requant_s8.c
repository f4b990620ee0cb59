/*
 * DSP-extension variant of tx_avg_pool_requant_s8 (Cortex-M4, M7, M33); the specification is
 * dev.tenax.kernels.AvgPoolRequantS8, the argument check, window walk and entry points those of
 * the portable kernel (tx_avg_pool_requant_s8_body.h, whose loops run where the compiler lacks the
 * DSP extension, e.g. in the host cross-check).
 *
 * Channels go eight (then four) at a time: per tap one LDR per four channels and two SXTAB16,
 * which sign-extend bytes 0 and 2 (1 and 3) and add them to two 16-bit lanes. 256 taps of
 * [-128, 127] sum to [-32768, 32512], so the lanes are exact for up to 256 taps; every 256 taps
 * (and at the end of the window) SMLABB / SMLATB add each lane to its channel's int32 sum, which
 * starts from the offsets' share count * input_offset: sum(in + offset) = sum(in) + count * offset,
 * all within int32 (windows of at most 2^23 taps). The global pools of DS-CNN KWS (125 taps),
 * ResNet-8 (64) and MobileNet VWW (9) each fill one lane group.
 * The output stage is the SMMLA form of tx_requantize_s8 (tx_arm_dsp_requant.h, stage 1), four
 * channels packed and clamped per store, for shifts in [-23, -2] and, on sums scaled by 2^e, for
 * shifts up to 12 (out_stage_init); other shifts, and the last one to three channels, take
 * tx_requantize_s8. Windows of at most 256 taps with that stage (window_fast) go from lanes to
 * outputs in registers. On cortex-m4: DS-CNN KWS's pool 8,720 instructions (33,720 as a
 * depthwise convolution), ResNet-8's 5,080 (20,040), VWW's 5,800 (48,080).
 * Code: about 2.8 KB on cortex-m4, of which the general path (windows of more than 256 taps,
 * other shifts: block_sums, store and their loops) is roughly 0.6 KB that no MLPerf Tiny model
 * takes.
 * TODO: path macros (tx_arm_dsp_paths.h, DspKernelPaths) to leave that path out of projects
 * that do not call it, as the convolutions do; VWW's model code grew from 16.0 to 18.6 KB
 * (its pool shared the depthwise kernel's path before; the 4.4 KB constant filter is gone).
 */
#include "tx_avg_pool_requant_s8.h"

#include <string.h>

#include "tx_arm_dsp.h"
#include "tx_arm_dsp_requant.h"

#if defined(__ARM_FEATURE_DSP)
static void avg_pool_dsp(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                         const int8_t *in, const tx_shape4 *out_shape, int8_t *out);
#define TX_AVG_POOL_REQUANT_S8_RUN avg_pool_dsp
#endif
#include "tx_avg_pool_requant_s8_body.h"

#if defined(__ARM_FEATURE_DSP)

/* Taps that 16-bit lanes of int8 sums hold exactly. */
#define TX_POOL_LANE_TAPS 256u

/* One window's taps: `rows` runs of `cols` taps `c` bytes apart, the runs `row` bytes apart. */
typedef struct {
  const int8_t *first;
  size_t rows, cols, row, c;
} tap_runs;

/* The lanes of `rows` runs of `cols` taps (at most TX_POOL_LANE_TAPS in all) of eight channels
 * from `run`: a[0] holds channels 0 and 2, a[1] 1 and 3, a[2] 4 and 6, a[3] 5 and 7. Two taps
 * per iteration, 15 instructions for 16 inputs: 4 LDR (offsets 0, 4, c, c + 4), 8 SXTAB16, the
 * pointer step and the loop (GCC's own schedule took 17, recomputing an address). Not inlined:
 * the loop gets the registers to itself. */
static __attribute__((noinline)) void lanes8(const int8_t *run, size_t rows, size_t cols,
                                             size_t row, size_t c, int32_t a[4])
{
  const size_t c4 = c + 4u;
  const size_t c2 = 2u * c;
  int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  do {
    const int8_t *q = run;
    size_t pairs = cols >> 1;
    if (pairs != 0u) {
      int32_t v0, v1;
      __asm__("1:\n\t"
              "ldr     %[v0], [%[q]]\n\t"
              "ldr     %[v1], [%[q], #4]\n\t"
              "sxtab16 %[a0], %[a0], %[v0]\n\t"
              "sxtab16 %[a1], %[a1], %[v0], ror #8\n\t"
              "sxtab16 %[a2], %[a2], %[v1]\n\t"
              "sxtab16 %[a3], %[a3], %[v1], ror #8\n\t"
              "ldr     %[v0], [%[q], %[c]]\n\t"
              "ldr     %[v1], [%[q], %[c4]]\n\t"
              "add     %[q], %[q], %[c2]\n\t"
              "sxtab16 %[a0], %[a0], %[v0]\n\t"
              "sxtab16 %[a1], %[a1], %[v0], ror #8\n\t"
              "sxtab16 %[a2], %[a2], %[v1]\n\t"
              "sxtab16 %[a3], %[a3], %[v1], ror #8\n\t"
              "subs    %[n], %[n], #1\n\t"
              "bne     1b"
              : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3), [q] "+r"(q),
                [n] "+r"(pairs), [v0] "=&r"(v0), [v1] "=&r"(v1)
              : [c] "r"(c), [c4] "r"(c4), [c2] "r"(c2)
              : "cc", "memory");
    }
    if ((cols & 1u) != 0u) {
      const int32_t v0 = tx_dsp_load4(q);
      const int32_t v1 = tx_dsp_load4(q + 4);
      a0 = __sxtab16(a0, v0);
      a1 = tx_dsp_sxtab16_ror8(a1, v0);
      a2 = __sxtab16(a2, v1);
      a3 = tx_dsp_sxtab16_ror8(a3, v1);
    }
    run += row;
  } while (--rows != 0u);
  a[0] = a0;
  a[1] = a1;
  a[2] = a2;
  a[3] = a3;
}

/* lanes8 for four channels: a[0] holds channels 0 and 2, a[1] 1 and 3. */
static __attribute__((noinline)) void lanes4(const int8_t *run, size_t rows, size_t cols,
                                             size_t row, size_t c, int32_t a[2])
{
  int32_t a0 = 0, a1 = 0;
  do {
    const int8_t *q = run;
    size_t n = cols;
    do {
      const int32_t v = tx_dsp_load4(q);
      q += c;
      a0 = __sxtab16(a0, v);
      a1 = tx_dsp_sxtab16_ror8(a1, v);
    } while (--n != 0u);
    run += row;
  } while (--rows != 0u);
  a[0] = a0;
  a[1] = a1;
}

/*
 * s[j] += scale * the window's sum of channel j, for the 8 (wide) or 4 channels from t->first:
 * the lanes of at most 256 taps at a time, each lane then added to its channel's int32 sum by
 * SMLABB / SMLATB (scale, a power of two of at most 2^14, is their int16 operand). Chunks are
 * whole runs while a run has at most 256 taps, else pieces of one run.
 */
static void block_sums(const tap_runs *t, int32_t *s, int32_t scale, int wide)
{
  const size_t per_chunk = t->cols <= TX_POOL_LANE_TAPS ? TX_POOL_LANE_TAPS / t->cols : 0u;
  const int8_t *run = t->first;
  size_t r = 0u;
  while (r < t->rows) {
    int32_t a[4];
    size_t taken = 0u; /* taps of the run done */
    int i;
    do {
      const int8_t *first = run + taken * t->c;
      size_t rows = 1u, cols = t->cols - taken;
      if (per_chunk != 0u) {
        rows = t->rows - r < per_chunk ? t->rows - r : per_chunk;
      } else if (cols > TX_POOL_LANE_TAPS) {
        cols = TX_POOL_LANE_TAPS;
      }
      if (wide) {
        lanes8(first, rows, cols, t->row, t->c, a);
      } else {
        lanes4(first, rows, cols, t->row, t->c, a);
      }
      for (i = 0; i < (wide ? 2 : 1); i++) {
        s[4 * i + 0] = __smlabb(a[2 * i], scale, s[4 * i + 0]);
        s[4 * i + 2] = __smlatb(a[2 * i], scale, s[4 * i + 2]);
        s[4 * i + 1] = __smlabb(a[2 * i + 1], scale, s[4 * i + 1]);
        s[4 * i + 3] = __smlatb(a[2 * i + 1], scale, s[4 * i + 3]);
      }
      if (per_chunk != 0u) {
        r += rows;
        run += rows * t->row;
        break;
      }
      taken += cols;
      if (taken == t->cols) {
        r++;
        run += t->row;
        break;
      }
    } while (1);
  }
}

/* tx_requantize_s8 with the call's parameters, out of line: the paths that need the 64-bit form
 * (windows of padding only, shifts stage 1 cannot take, the last one to three channels) share
 * one copy (about 100 bytes each inlined). */
static __attribute__((noinline)) int8_t requant_exact(const tx_avg_pool_requant_s8_params *p,
                                                      int32_t acc)
{
  return tx_requantize_s8(acc, p->multiplier, p->shift, p->output_offset, p->act_min, p->act_max);
}

/*
 * The output stage for one call: stage 1 of tx_arm_dsp_requant.h for shifts in [-23, -2]; for
 * shifts from -1 to 12 the same stage on the sums scaled by 2^e, e = shift + 2, at shift -2 when
 * the window's largest sum, 255 * window, times 2^e stays below 2^31:
 * tx_requantize(2^e acc, m, shift - e) = tx_requantize(acc, m, shift), as the product and the
 * rounding's divisor both scale by 2^e (the weights 2^e of the depthwise form kept the shift in
 * that range the same way). Otherwise, and for the last one to three channels, tx_requantize_s8.
 */
typedef struct {
  int fast;
  int32_t scale; /* 2^e, at most 2^14: SMLABB's int16 operand */
  int32_t m, cst, k;
  uint32_t lo4, hi4;
  const tx_avg_pool_requant_s8_params *p;
} out_stage;

static void out_stage_init(out_stage *o, const tx_avg_pool_requant_s8_params *p)
{
  /* at most 2^23 taps (the argument check): 255 * window < 2^31 */
  const uint32_t largest = UINT32_C(255) * (uint32_t)p->filter_h * (uint32_t)p->filter_w;
  int32_t shift = p->shift;
  o->scale = 1;
  if (shift >= -1 && shift <= 12 && largest < (UINT32_C(1) << (29 - shift))) {
    o->scale = (int32_t)(INT32_C(1) << (shift + 2));
    shift = -2;
  }
  o->fast = tx_dsp_requant_out_ok(shift);
  if (!o->fast) {
    o->scale = 1;
  }
  o->m = p->multiplier;
  o->cst = o->fast ? tx_dsp_requant_out_c(p->output_offset, shift) : 0;
  o->k = tx_dsp_requant_out_k(shift);
  o->lo4 = ((uint32_t)p->act_min & UINT32_C(0xFF)) * UINT32_C(0x01010101);
  o->hi4 = ((uint32_t)p->act_max & UINT32_C(0xFF)) * UINT32_C(0x01010101);
  o->p = p;
}

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
      out[j] = requant_exact(o->p, s[j]);
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

/* Four channels' outputs, packed and clamped, from their lanes (a02: channels 0 and 2, a13: 1
 * and 3) of a window that one lane group holds: sum = scaled_offsets + scale * lane, then
 * stage 1 (o->fast). */
static inline __attribute__((always_inline)) uint32_t finish4(const out_stage *o, int32_t a02,
                                                             int32_t a13, int32_t scaled_offsets)
{
  const int32_t s0 = __smlabb(a02, o->scale, scaled_offsets);
  const int32_t s2 = __smlatb(a02, o->scale, scaled_offsets);
  const int32_t s1 = __smlabb(a13, o->scale, scaled_offsets);
  const int32_t s3 = __smlatb(a13, o->scale, scaled_offsets);
  return tx_dsp_clamp8x4(tx_dsp_pack8x4(out1(o, s0), out1(o, s1), out1(o, s2), out1(o, s3)),
                         o->lo4, o->hi4);
}

/* The blocks of eight, then four, channels of a window of at most TX_POOL_LANE_TAPS taps with the
 * fast output stage (every model's global pool): lanes straight to outputs, no int32 sums in
 * memory. Returns the channels done. */
static size_t window_fast(const tap_runs *t, int32_t scaled_offsets, const out_stage *o,
                          int8_t *out)
{
  const int8_t *first = t->first;
  size_t ch = 0u;
  int32_t a[4];
  uint32_t v[2];
  for (; ch + 8u <= t->c; ch += 8u, first += 8, out += 8) {
    lanes8(first, t->rows, t->cols, t->row, t->c, a);
    v[0] = finish4(o, a[0], a[1], scaled_offsets);
    v[1] = finish4(o, a[2], a[3], scaled_offsets);
    memcpy(out, v, sizeof v);
  }
  if (ch + 4u <= t->c) {
    lanes4(first, t->rows, t->cols, t->row, t->c, a);
    v[0] = finish4(o, a[0], a[1], scaled_offsets);
    memcpy(out, v, sizeof v[0]);
    ch += 4u;
  }
  return ch;
}

static void avg_pool_dsp(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                         const int8_t *in, const tx_shape4 *out_shape, int8_t *out)
{
  const size_t c = (size_t)in_shape->c;
  const size_t row = (size_t)in_shape->w * c;
  out_stage o;
  tx_pool_walk w;
  tx_pool_window win;
  out_stage_init(&o, p);
  tx_pool_walk_init(&w, in_shape, out_shape, p->filter_h, p->filter_w, p->stride_h, p->stride_w,
                    p->pad_top, p->pad_left);
  while (tx_pool_walk_next(&w, &win)) {
    const size_t count = win.rows * win.cols;
    const int32_t offsets = tx_avg_pool_requant_offsets(count, p->input_offset);
    const int32_t scaled_offsets = offsets * o.scale; /* within the sums' bound */
    tap_runs t;
    int32_t s[8];
    size_t ch = 0u;
    int j;
    if (count == 0u) {
      /* padding only: the sums are 0 (tx_avg_pool_requant_s8_reference) */
      for (; ch < c; ch++) {
        *out++ = requant_exact(p, 0);
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
    if (o.fast && count <= TX_POOL_LANE_TAPS) {
      ch = window_fast(&t, scaled_offsets, &o, out);
      t.first += ch;
      out += ch;
    }
    for (; ch + 8u <= c; ch += 8u, t.first += 8, out += 8) {
      for (j = 0; j < 8; j++) {
        s[j] = scaled_offsets;
      }
      block_sums(&t, s, o.scale, 1);
      store(&o, s, out, 8);
    }
    if (ch + 4u <= c) {
      for (j = 0; j < 4; j++) {
        s[j] = scaled_offsets;
      }
      block_sums(&t, s, o.scale, 0);
      store(&o, s, out, 4);
      ch += 4u;
      t.first += 4;
      out += 4;
    }
    for (; ch < c; ch++, t.first++) {
      *out++ = requant_exact(p, tx_pool_sum(t.first, win.rows_last, win.cols_last, row, c)
                                    + offsets);
    }
  }
}
#endif /* __ARM_FEATURE_DSP */
