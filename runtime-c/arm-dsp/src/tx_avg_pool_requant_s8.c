/*
 * DSP-extension variant of tx_avg_pool_requant_s8 (Cortex-M4, M7, M33); the specification is
 * dev.tenax.kernels.AvgPoolRequantS8, the argument check, window walk and entry points those of
 * the portable kernel (tx_avg_pool_requant_s8_body.h, whose loops run where the compiler lacks the
 * DSP extension, e.g. in the host cross-check).
 *
 * Channels go four at a time: per two taps two LDR and four SXTAB16, which sign-extend bytes 0
 * and 2 (1 and 3) and add them to two 16-bit lanes. 256 taps of [-128, 127] sum to
 * [-32768, 32512], so the lanes are exact for up to 256 taps; every 256 taps (and at the end of
 * the window) SMLABB / SMLATB add each lane to its channel's int32 sum, which starts from the
 * offsets' share count * input_offset: sum(in + offset) = sum(in) + count * offset, all within
 * int32 (windows of at most 2^23 taps). The global pools of DS-CNN KWS (125 taps), ResNet-8 (64)
 * and MobileNet VWW (9) each fill one lane group.
 * The output stage is the SMMLA form of tx_requantize_s8 (tx_arm_dsp_requant.h, stage 1), four
 * channels packed and clamped per store, for shifts in [-23, -2] and, on sums scaled by 2^e, for
 * shifts up to 12 (out_stage_init); other shifts, and the last one to three channels, take
 * tx_requantize_s8.
 *
 * Paths (tx_arm_dsp_paths.h; mirrored by DspKernelPaths): a global pool (one window over the
 * whole input: no window walk), the window walk of other pools, and the exact output stage. The
 * MLPerf Tiny models' pools are global with channel counts that are multiples of 4 and shifts
 * the SMMLA stage takes, so they link only the first: about 1.0 KB on cortex-m4 (1.9 KB with
 * every path). The kernel before this one (eight channels per loop where they fit, with separate
 * loops for windows of more than 256 taps and other shifts, all always linked) took 2.6 KB, and
 * its eight-channel loop saved 900 to 1,600 instructions per pool: DS-CNN KWS's pool is now
 * 10,360 instructions (8,720 before), ResNet-8's 6,000 (5,080), VWW's 7,400 (5,840).
 */
#include "tx_avg_pool_requant_s8.h"

#include <string.h>

#include "tx_arm_dsp.h"
#include "tx_arm_dsp_paths.h"
#include "tx_arm_dsp_requant.h"

#if defined(__ARM_FEATURE_DSP)
static void avg_pool_dsp(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                         const int8_t *in, const tx_shape4 *out_shape, int8_t *out);
static int avg_pool_in_build(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                             const tx_shape4 *out_shape);
#define TX_AVG_POOL_REQUANT_S8_RUN avg_pool_dsp
#define TX_AVG_POOL_REQUANT_S8_IN_BUILD avg_pool_in_build
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

/* The lanes of `rows` runs of `cols` taps (at most TX_POOL_LANE_TAPS in all) of four channels
 * from `run`: a[0] holds channels 0 and 2, a[1] 1 and 3. Two taps per iteration, 9 instructions
 * for 8 inputs: 2 LDR, 4 SXTAB16, the pointer step and the loop. Not inlined: the loop gets the
 * registers to itself. */
static __attribute__((noinline)) void lanes4(const int8_t *run, size_t rows, size_t cols,
                                             size_t row, size_t c, int32_t a[2])
{
  const size_t c2 = 2u * c;
  int32_t a0 = 0, a1 = 0;
  do {
    const int8_t *q = run;
    size_t pairs = cols >> 1;
    if (pairs != 0u) {
      int32_t v0, v1;
      __asm__("1:\n\t"
              "ldr     %[v0], [%[q]]\n\t"
              "ldr     %[v1], [%[q], %[c]]\n\t"
              "add     %[q], %[q], %[c2]\n\t"
              "sxtab16 %[a0], %[a0], %[v0]\n\t"
              "sxtab16 %[a1], %[a1], %[v0], ror #8\n\t"
              "sxtab16 %[a0], %[a0], %[v1]\n\t"
              "sxtab16 %[a1], %[a1], %[v1], ror #8\n\t"
              "subs    %[n], %[n], #1\n\t"
              "bne     1b"
              : [a0] "+r"(a0), [a1] "+r"(a1), [q] "+r"(q), [n] "+r"(pairs), [v0] "=&r"(v0),
                [v1] "=&r"(v1)
              : [c] "r"(c), [c2] "r"(c2)
              : "cc", "memory");
    }
    if ((cols & 1u) != 0u) {
      const int32_t v = tx_dsp_load4(q);
      a0 = __sxtab16(a0, v);
      a1 = tx_dsp_sxtab16_ror8(a1, v);
    }
    run += row;
  } while (--rows != 0u);
  a[0] = a0;
  a[1] = a1;
}

/*
 * s[j] += scale * the window's sum of channel j, for the four channels from t->first: the lanes
 * of at most 256 taps at a time, each lane then added to its channel's int32 sum by SMLABB /
 * SMLATB (scale, a power of two of at most 2^14, is their int16 operand). Chunks are whole runs
 * while a run has at most 256 taps, else pieces of one run.
 */
static void quad_sums(const tap_runs *t, int32_t s[4], int32_t scale)
{
  const size_t per_chunk = t->cols <= TX_POOL_LANE_TAPS ? TX_POOL_LANE_TAPS / t->cols : 0u;
  const int8_t *run = t->first;
  size_t r = 0u;
  size_t taken = 0u; /* taps of the current run done (runs of more than 256 taps) */
  while (r < t->rows) {
    int32_t a[2];
    size_t rows = 1u, cols = t->cols - taken;
    if (per_chunk != 0u) {
      rows = t->rows - r < per_chunk ? t->rows - r : per_chunk;
    } else if (cols > TX_POOL_LANE_TAPS) {
      cols = TX_POOL_LANE_TAPS;
    }
    lanes4(run + taken * t->c, rows, cols, t->row, t->c, a);
    s[0] = __smlabb(a[0], scale, s[0]);
    s[2] = __smlatb(a[0], scale, s[2]);
    s[1] = __smlabb(a[1], scale, s[1]);
    s[3] = __smlatb(a[1], scale, s[3]);
    taken += cols;
    if (per_chunk != 0u || taken == t->cols) {
      r += rows;
      run += rows * t->row;
      taken = 0u;
    }
  }
}

/* tx_requantize_s8 with the call's parameters, out of line: the exact path's callers (the
 * shifts stage 1 cannot take, the last one to three channels) share one copy. */
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
 * that range the same way). Otherwise (not fast) tx_requantize_s8, scale 1.
 */
typedef struct {
  int fast;
  int32_t scale; /* 2^e, at most 2^14: SMLABB's int16 operand */
  int32_t m, cst, k;
  uint32_t lo4, hi4;
  const tx_avg_pool_requant_s8_params *p;
} out_stage;

/* The shift stage 1 runs at (with *scale the sums' factor), or the call's own. */
static int32_t out_stage_shift(const tx_avg_pool_requant_s8_params *p, int32_t *scale)
{
  /* at most 2^23 taps (the argument check): 255 * window < 2^31 */
  const uint32_t largest = UINT32_C(255) * (uint32_t)p->filter_h * (uint32_t)p->filter_w;
  const int32_t shift = p->shift;
  *scale = 1;
  if (shift >= -1 && shift <= 12 && largest < (UINT32_C(1) << (29 - shift))) {
    *scale = (int32_t)(INT32_C(1) << (shift + 2));
    return -2;
  }
  return shift;
}

static void out_stage_init(out_stage *o, const tx_avg_pool_requant_s8_params *p)
{
  const int32_t shift = out_stage_shift(p, &o->scale);
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

/* Four sums to four outputs at out. */
static void store4(const out_stage *o, const int32_t s[4], int8_t *out)
{
  int j;
  if (TX_AVG_POOL_REQUANT_S8_PATH_EXACT && !o->fast) {
    for (j = 0; j < 4; j++) {
      out[j] = requant_exact(o->p, s[j]);
    }
  } else {
    const uint32_t v = tx_dsp_clamp8x4(tx_dsp_pack8x4(out1(o, s[0]), out1(o, s[1]),
                                                      out1(o, s[2]), out1(o, s[3])),
                                       o->lo4, o->hi4);
    memcpy(out, &v, sizeof v);
  }
}

/* One window of `count` valid taps (0: padding only, whose sums are 0 as in
 * tx_avg_pool_requant_s8_reference): its c outputs at out. */
static void window(const out_stage *o, tap_runs *t, size_t count, int8_t *out)
{
  const int32_t offsets = tx_avg_pool_requant_offsets(count, o->p->input_offset);
  const int32_t scaled = offsets * o->scale; /* within the sums' bound */
  const size_t c = t->c;
  size_t ch;
  for (ch = 0u; ch + 4u <= c; ch += 4u, t->first += 4, out += 4) {
    int32_t s[4];
    s[0] = s[1] = s[2] = s[3] = scaled;
    if (count != 0u) {
      quad_sums(t, s, o->scale);
    }
    store4(o, s, out);
  }
  if (TX_AVG_POOL_REQUANT_S8_PATH_EXACT) {
    for (; ch < c; ch++, t->first++) {
      *out++ = requant_exact(o->p, count != 0u ? tx_pool_sum(t->first, (t->rows - 1u) * t->row,
                                                             (t->cols - 1u) * c, t->row, c)
                                                     + offsets
                                               : 0);
    }
  }
}

/* One window over the whole input: no padding, the filter the input's size. */
static int avg_pool_global(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                           const tx_shape4 *out_shape)
{
  return p->pad_top == 0 && p->pad_left == 0 && p->filter_h == in_shape->h
      && p->filter_w == in_shape->w && out_shape->h == 1 && out_shape->w == 1;
}

/* Whether the paths this call takes are compiled in (tx_arm_dsp_paths.h). */
static int avg_pool_in_build(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                             const tx_shape4 *out_shape)
{
  int32_t scale;
  const int exact = (in_shape->c & 3) != 0 || !tx_dsp_requant_out_ok(out_stage_shift(p, &scale));
  return (avg_pool_global(p, in_shape, out_shape) ? TX_AVG_POOL_REQUANT_S8_PATH_GLOBAL
                                                  : TX_AVG_POOL_REQUANT_S8_PATH_WINDOWS)
      && (!exact || TX_AVG_POOL_REQUANT_S8_PATH_EXACT);
}

static void avg_pool_dsp(const tx_avg_pool_requant_s8_params *p, const tx_shape4 *in_shape,
                         const int8_t *in, const tx_shape4 *out_shape, int8_t *out)
{
  const size_t c = (size_t)in_shape->c;
  const size_t row = (size_t)in_shape->w * c;
  out_stage o;
  tap_runs t;
  out_stage_init(&o, p);
  t.row = row;
  t.c = c;
  if (TX_AVG_POOL_REQUANT_S8_PATH_GLOBAL && avg_pool_global(p, in_shape, out_shape)) {
    /* each batch item's whole input: one run of taps, c apart */
    const size_t count = (size_t)in_shape->h * (size_t)in_shape->w;
    int32_t n;
    for (n = 0; n < in_shape->n; n++, in += count * c, out += c) {
      t.first = in;
      t.rows = 1u;
      t.cols = count;
      window(&o, &t, count, out);
    }
  } else if (TX_AVG_POOL_REQUANT_S8_PATH_WINDOWS) {
    tx_pool_walk w;
    tx_pool_window win;
    tx_pool_walk_init(&w, in_shape, out_shape, p->filter_h, p->filter_w, p->stride_h,
                      p->stride_w, p->pad_top, p->pad_left);
    while (tx_pool_walk_next(&w, &win)) {
      const size_t count = win.rows * win.cols;
      /* a window of padding only reads nothing: its begin is no element's offset */
      t.first = count != 0u ? in + win.begin : in;
      t.rows = win.rows;
      t.cols = win.cols;
      if (win.cols * c == row && win.rows > 1u) {
        /* whole input rows: one run of taps, c apart */
        t.cols = count;
        t.rows = 1u;
      }
      window(&o, &t, count, out);
      out += c;
    }
  }
}
#endif /* __ARM_FEATURE_DSP */
