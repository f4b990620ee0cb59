/*
 * The 3x3 stride-1 path of the Cortex-M DSP tx_depthwise_conv2d_s8
 * (runtime-c/arm-dsp/src/tx_depthwise_conv2d_s8.c), kept apart so that each file stays readable:
 * static functions, included only by that kernel, inside its __ARM_FEATURE_DSP section, after
 * tx_arm_dsp.h and tx_arm_dsp_requant.h.
 *
 * Why planes: in NHWC the taps of one channel are ch bytes apart, so the other paths spend a
 * load and two sign extensions per 4 MACs and multiply with SMLABB/SMLATT (one MAC each). Here a
 * strip of output rows first has its input expanded, for four channels at a time, into one int16
 * plane per channel (input offset added, padded positions 0, which is what skipping them adds),
 * rows w2 halfwords long. Two horizontally adjacent taps of a channel are then one word, and a
 * kernel row (w0, w1, w2) packed as W01 = (w0, w1) and W12 = (w1, w2) gives two adjacent outputs
 * of input words A = (x0, x1), C = (x2, x3) with four instructions:
 *   left  = SMLAD(A, W01) + SMLABT(C, W12)  = x0 w0 + x1 w1 + x2 w2
 *   right = SMLAD(C, W12) + SMLATB(A, W01)  = x2 w1 + x3 w2 + x1 w0
 * 2x2 blocks of outputs (dw3_pairs, in assembly) share each input word pair between two output
 * rows: 4 LDRD and 24 multiplies for 36 MACs.
 * Bit-exact for the reasons given in tx_arm_dsp.h (exact int16 products, sums modulo 2^32); the
 * output stage is stage 1 of tx_arm_dsp_requant.h, so every shift must lie in its range.
 *
 * Scratch memory: the planes are a bounded local array (TX_DW3_PLANE_HALFWORDS, on the stack,
 * where the bench's stack painting counts it); layers too wide for a strip of one output row take
 * the general paths. TODO: column tiles would let wider layers (e.g. 48x48 ones) use it too.
 */
#ifndef TX_ARM_DSP_DW3X3_H
#define TX_ARM_DSP_DW3X3_H

/* The planes' budget: 512 halfwords (1 KB of stack). */
#define TX_DW3_PLANE_HALFWORDS 512

/* What the strips share. */
typedef struct {
    const int8_t *in;
    int8_t *out;
    int32_t in_h, in_w, ch, out_h, out_w;
    int32_t pad_top, pad_left;
    int32_t i_lo, i_hi; /* the plane columns inside the input */
    int32_t w2;     /* plane row length: out_w + 2 rounded up to even */
    int32_t offset; /* input offset */
    int32_t off2;   /* the same in both halfwords */
    int32_t zp;     /* output zero point */
    int32_t lo, hi; /* act clamp */
} dw3_geom;

/* Plane row length for out_w outputs: the window's two extra columns, and for odd widths one
 * more so that the last column's C word lies inside the row. */
static int32_t dw3_row_length(int32_t out_w)
{
    return (out_w + 3) & ~INT32_C(1);
}

/* The 3x3, stride 1, dilation 1, multiplier 1 shapes whose planes for one output row fit. */
static int dw3_applies(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *filter_shape,
                       const tx_shape4 *out_shape)
{
    return filter_shape->h == 3 && filter_shape->w == 3 && p->stride_h == 1 && p->stride_w == 1
        && p->dilation_h == 1 && p->dilation_w == 1 && p->channel_multiplier == 1
        && out_shape->w <= TX_DW3_PLANE_HALFWORDS
        && 4 * 3 * dw3_row_length(out_shape->w) <= TX_DW3_PLANE_HALFWORDS;
}

static inline int32_t dw3_load2(const int16_t *p)
{
    int32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline void dw3_store2(int16_t *p, int32_t v)
{
    memcpy(p, &v, sizeof v);
}

/* Halfword 0 of a, then halfword 0 of b (PKHBT). */
static inline int32_t dw3_pack_lo(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("pkhbt %0, %1, %2, lsl #16" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

/* Halfword 1 of a, then halfword 1 of b (PKHTB). */
static inline int32_t dw3_pack_hi(int32_t a, int32_t b)
{
    int32_t r;
    __asm__("pkhtb %0, %2, %1, asr #16" : "=r"(r) : "r"(a), "r"(b));
    return r;
}

/*
 * Input rows y_first .. y_first + rows - 1 (plane rows 0 .. rows - 1) of batch b, channels
 * c0 .. c0 + n - 1 (n <= 4), into the planes (plane j at planes + j * plane_size); plane column
 * i holds input column i - pad_left. Only the columns inside the input, [i_lo, i_hi), are
 * written (0 in rows outside the input): dw3_run zeroes the others once, and the planes'
 * layout is the same for every strip.
 */
static void dw3_expand(const dw3_geom *g, int16_t *planes, int32_t plane_size, int32_t b,
                       int32_t y_first, int32_t rows, int32_t c0, int32_t n)
{
    const int32_t w2 = g->w2;
    const int32_t ch = g->ch;
    const int32_t offset = g->offset;
    const int32_t off2 = g->off2;
    const int32_t i_lo = g->i_lo;
    const int32_t i_hi = g->i_hi;
    int32_t r, i, j;
    for (r = 0; r < rows; r++) {
        const int32_t y = y_first + r;
        int16_t *row = planes + r * w2;
        int32_t src; /* index (not pointer: it must not step past the input's end) */
        if (y < 0 || y >= g->in_h) {
            for (j = 0; j < n; j++) {
                for (i = i_lo; i < i_hi; i++) {
                    row[j * plane_size + i] = 0;
                }
            }
            continue;
        }
        src = ((b * g->in_h + y) * g->in_w + (i_lo - g->pad_left)) * ch + c0;
        i = i_lo;
        if (n == 4) {
            int16_t *d0 = row;
            int16_t *d1 = row + plane_size;
            int16_t *d2 = row + 2 * plane_size;
            int16_t *d3 = row + 3 * plane_size;
            /* two pixels at a time: per channel one word of two halfwords */
            for (; i + 1 < i_hi; i += 2) {
                const int32_t va = tx_dsp_load4(g->in + src);
                const int32_t vb = tx_dsp_load4(g->in + (src + ch));
                const int32_t a02 = __sxtab16(off2, va);
                const int32_t a13 = tx_dsp_sxtab16_ror8(off2, va);
                const int32_t b02 = __sxtab16(off2, vb);
                const int32_t b13 = tx_dsp_sxtab16_ror8(off2, vb);
                dw3_store2(d0 + i, dw3_pack_lo(a02, b02));
                dw3_store2(d1 + i, dw3_pack_lo(a13, b13));
                dw3_store2(d2 + i, dw3_pack_hi(a02, b02));
                dw3_store2(d3 + i, dw3_pack_hi(a13, b13));
                src += 2 * ch;
            }
            if (i < i_hi) {
                /* an odd last pixel: the same with one halfword per channel */
                const int32_t va = tx_dsp_load4(g->in + src);
                const int32_t a02 = __sxtab16(off2, va);
                const int32_t a13 = tx_dsp_sxtab16_ror8(off2, va);
                d0[i] = (int16_t)a02;
                d1[i] = (int16_t)a13;
                d2[i] = (int16_t)(a02 >> 16);
                d3[i] = (int16_t)(a13 >> 16);
                continue;
            }
        }
        for (; i < i_hi; i++) {
            for (j = 0; j < n; j++) {
                row[j * plane_size + i] = (int16_t)(g->in[src + j] + offset);
            }
            src += ch;
        }
    }
}

/* The state of dw3_pairs, word offsets fixed by its assembly. */
typedef struct {
    int32_t bias[4];     /*  0: the channel's bias, four times (one LDM starts the block) */
    int32_t w[6];        /* 16: W01, W12 of kernel rows 0, 1, 2 */
    int32_t m, c, k;     /* 40: output stage 1 of tx_arm_dsp_requant.h */
    int32_t clamp;       /* 52: act range narrower than int8 */
    uint32_t lo4, hi4;   /* 56: act_min, act_max in every byte */
    int32_t ch, ostep;   /* 64: next output column, next output row */
    int8_t *o;           /* 72: output of the current block's top left (advances) */
    int32_t pairs;       /* 76: row pairs left (counts down), >= 1 */
    int32_t blocks;      /* 80: blocks per row pair: out_w / 2 rounded up */
    int32_t odd_last;    /* 84: 1 when out_w is odd (the last block has no right column) */
    int32_t q_adj;       /* 88: bytes from after a row pair's last block to the next pair */
    int32_t o_adj;       /* 92: the same for the output */
    int32_t row_m4;      /* 96: plane row length in bytes, minus 4 */
    int32_t left;        /* 100: blocks left in the row pair */
} dw3_state;

#if defined(__thumb2__)
/* One input row a, c (r8, r9) times the kernel row in (wa, wb) into the accumulators l, r. */
#define TX_DW3_ROW(wa, wb, l, r) \
    "smlad  " l ", r8, " wa ", " l "\n\t" \
    "smlabt " l ", r9, " wb ", " l "\n\t" \
    "smlad  " r ", r9, " wb ", " r "\n\t" \
    "smlatb " r ", r8, " wa ", " r "\n\t"

/* The output stage of one accumulator (m, C, k in r0, r1, r2). */
#define TX_DW3_OUT(a) \
    "smmla  " a ", " a ", r0, r1\n\t" \
    "asr    " a ", " a ", r2\n\t" \
    "ssat   " a ", #8, " a "\n\t"

/* Per byte lane max(a, lo4), min(., hi4) (lo4, hi4 in r0, r1). */
#define TX_DW3_CLAMP(a) \
    "ssub8  r3, " a ", r0\n\t" \
    "sel    " a ", " a ", r0\n\t" \
    "ssub8  r3, " a ", r1\n\t" \
    "sel    " a ", r1, " a "\n\t"

/*
 * st->pairs row pairs of one channel's outputs from its plane (q: the first pair's top left
 * window, word aligned), in 2x2 blocks: per input row one LDRD of a = (x0, x1), c = (x2, x3),
 * used by the top outputs with kernel row r and by the bottom ones with row r - 1 (the weights of
 * two kernel rows in registers at a time: 36 MACs in 24 multiplies, 4 loads, 3 weight loads);
 * then the output stage, four STRB. Naked: the loop needs all 14 registers. Registers: r0-r3
 * two kernel rows, r4-r7 the accumulators (top left, top right, bottom left, bottom right),
 * r8-r9 a and c, r10 q, r11 row length - 4, r12 the row address, lr st.
 */
__attribute__((naked)) static void dw3_pairs(dw3_state *st __attribute__((unused)),
                                             const int16_t *q __attribute__((unused)))
{
    __asm__(
        "push   {r4-r11, lr}\n\t"
        "mov    lr, r0\n\t"
        "mov    r10, r1\n\t"
        "ldr    r11, [lr, #96]\n"
        "1:\n\t"
        "ldr    r12, [lr, #80]\n\t"
        "str    r12, [lr, #100]\n"
        "2:\n\t"
        "ldm    lr, {r4-r7}\n\t"
        "ldrd   r0, r1, [lr, #16]\n\t"
        "ldrd   r2, r3, [lr, #24]\n\t"
        "ldrd   r8, r9, [r10], #4\n\t"
        TX_DW3_ROW("r0", "r1", "r4", "r5")
        "add    r12, r10, r11\n\t"
        "ldrd   r8, r9, [r12]\n\t"
        TX_DW3_ROW("r2", "r3", "r4", "r5")
        TX_DW3_ROW("r0", "r1", "r6", "r7")
        "ldrd   r0, r1, [lr, #32]\n\t"
        "add    r12, r12, r11\n\t"
        "ldrd   r8, r9, [r12, #4]\n\t"
        TX_DW3_ROW("r0", "r1", "r4", "r5")
        TX_DW3_ROW("r2", "r3", "r6", "r7")
        "add    r12, r12, r11\n\t"
        "ldrd   r8, r9, [r12, #8]\n\t"
        TX_DW3_ROW("r0", "r1", "r6", "r7")
        "ldrd   r0, r1, [lr, #40]\n\t"
        "ldr    r2, [lr, #48]\n\t"
        TX_DW3_OUT("r4")
        TX_DW3_OUT("r5")
        TX_DW3_OUT("r6")
        TX_DW3_OUT("r7")
        "ldr    r3, [lr, #52]\n\t"
        "cbz    r3, 3f\n\t"
        "ldrd   r0, r1, [lr, #56]\n\t"
        TX_DW3_CLAMP("r4")
        TX_DW3_CLAMP("r5")
        TX_DW3_CLAMP("r6")
        TX_DW3_CLAMP("r7")
        "3:\n\t"
        "ldrd   r0, r1, [lr, #64]\n\t"
        "ldr    r2, [lr, #72]\n\t"
        "strb   r4, [r2]\n\t"
        "add    r3, r2, r1\n\t"
        "strb   r6, [r3]\n\t"
        "ldr    r9, [lr, #84]\n\t"
        "ldr    r8, [lr, #100]\n\t"
        "cmp    r8, r9\n\t"
        "beq    4f\n\t"
        "strb   r5, [r2, r0]\n\t"
        "strb   r7, [r3, r0]\n"
        "4:\n\t"
        "add    r2, r2, r0, lsl #1\n\t"
        "subs   r8, r8, #1\n\t"
        "str    r8, [lr, #100]\n\t"
        "it     eq\n\t"
        "ldreq  r9, [lr, #92]\n\t"
        "it     eq\n\t"
        "addeq  r2, r2, r9\n\t"
        "str    r2, [lr, #72]\n\t"
        "bne    2b\n\t"
        "ldr    r0, [lr, #88]\n\t"
        "add    r10, r10, r0\n\t"
        "ldr    r0, [lr, #76]\n\t"
        "subs   r0, r0, #1\n\t"
        "str    r0, [lr, #76]\n\t"
        "bne    1b\n\t"
        "pop    {r4-r11, pc}");
}
#endif

/* The output stage of one output: stage 1 of tx_arm_dsp_requant.h, then the act clamp when it
 * is narrower than int8 (clamp). */
static inline __attribute__((always_inline)) int8_t dw3_out(int32_t acc, int32_t m, int32_t c,
                                                            int32_t k, int clamp, int32_t lo,
                                                            int32_t hi)
{
    int32_t v = tx_dsp_ssat8(tx_asr_s32(tx_dsp_smmla(acc, m, c), k));
    if (clamp) {
        v = v < lo ? lo : v;
        v = v > hi ? hi : v;
    }
    return (int8_t)v;
}

/* One input row's words a = (x0, x1), c = (x2, x3) times one packed kernel row: the left output
 * (see the top of this file). */
static inline __attribute__((always_inline)) int32_t dw3_left(int32_t a, int32_t c, int32_t w01,
                                                              int32_t w12, int32_t acc)
{
    return __smlabt(c, w12, __smlad(a, w01, acc));
}

/* The same for the right output. */
static inline __attribute__((always_inline)) int32_t dw3_right(int32_t a, int32_t c,
                                                               int32_t w01, int32_t w12,
                                                               int32_t acc)
{
    return __smlatb(a, w01, __smlad(c, w12, acc));
}

/*
 * Channel cc's outputs of rows oy0 .. oy0 + rows - 1 of batch b from its plane (plane row r is
 * input row oy0 - pad_top + r): the row pairs in dw3_pairs' 2x2 blocks (for an odd out_w the
 * last block's right column computed but not stored), then an odd last row here, in pairs.
 * Everything in locals: stores through int8_t pointers may alias anything, so fields of g
 * would be reloaded after each.
 */
static void dw3_channel(const dw3_geom *g, const int16_t *plane, const int8_t *filter,
                        int32_t bias, int32_t m, int32_t shift, int32_t b, int32_t oy0,
                        int32_t rows, int32_t cc)
{
    const int32_t ch = g->ch;
    const int32_t w2 = g->w2;
    const int32_t out_w = g->out_w;
    const int32_t k = tx_dsp_requant_out_k(shift);
    const int32_t cst = tx_dsp_requant_out_c(g->zp, shift);
    const int32_t lo = g->lo;
    const int32_t hi = g->hi;
    const int clamp = lo != -128 || hi != 127;
    const int32_t ostep = out_w * ch; /* next output row */
    int8_t *out = g->out;
    /* indices, not pointers, which must not step past the output's end */
    int32_t orow = (b * g->out_h + oy0) * ostep + cc;
    int32_t w01_0, w12_0, w01_1, w12_1, w01_2, w12_2;
    int32_t r, ox;
    w01_0 = dw3_pack_lo(filter[cc], filter[ch + cc]);
    w12_0 = dw3_pack_lo(filter[ch + cc], filter[2 * ch + cc]);
    w01_1 = dw3_pack_lo(filter[3 * ch + cc], filter[4 * ch + cc]);
    w12_1 = dw3_pack_lo(filter[4 * ch + cc], filter[5 * ch + cc]);
    w01_2 = dw3_pack_lo(filter[6 * ch + cc], filter[7 * ch + cc]);
    w12_2 = dw3_pack_lo(filter[7 * ch + cc], filter[8 * ch + cc]);
    r = rows & ~INT32_C(1);
    if (r > 0) {
        dw3_state st;
        const int32_t blocks = (out_w + 1) >> 1;
        st.bias[0] = bias;
        st.bias[1] = bias;
        st.bias[2] = bias;
        st.bias[3] = bias;
        st.w[0] = w01_0;
        st.w[1] = w12_0;
        st.w[2] = w01_1;
        st.w[3] = w12_1;
        st.w[4] = w01_2;
        st.w[5] = w12_2;
        st.m = m;
        st.c = cst;
        st.k = k;
        st.clamp = clamp;
        st.lo4 = ((uint32_t)lo & UINT32_C(0xFF)) * UINT32_C(0x01010101);
        st.hi4 = ((uint32_t)hi & UINT32_C(0xFF)) * UINT32_C(0x01010101);
        st.ch = ch;
        st.ostep = ostep;
        st.o = out + orow;
        st.pairs = r >> 1;
        st.blocks = blocks;
        st.odd_last = out_w & 1;
        st.q_adj = (2 * w2 - 2 * blocks) * 2;
        st.o_adj = 2 * ostep - 2 * blocks * ch;
        st.row_m4 = 2 * w2 - 4;
        st.left = 0;
        dw3_pairs(&st, plane);
        orow += r * ostep;
    }
    if (r < rows) {
        const int16_t *q = plane + r * w2;
        int32_t o = orow;
        for (ox = 0; ox < out_w; ox += 2) {
            int32_t a = dw3_load2(q);
            int32_t c = dw3_load2(q + 2);
            int32_t s0 = dw3_left(a, c, w01_0, w12_0, bias);
            int32_t s1 = dw3_right(a, c, w01_0, w12_0, bias);
            a = dw3_load2(q + w2);
            c = dw3_load2(q + w2 + 2);
            s0 = dw3_left(a, c, w01_1, w12_1, s0);
            s1 = dw3_right(a, c, w01_1, w12_1, s1);
            a = dw3_load2(q + 2 * w2);
            c = dw3_load2(q + 2 * w2 + 2);
            s0 = dw3_left(a, c, w01_2, w12_2, s0);
            s1 = dw3_right(a, c, w01_2, w12_2, s1);
            out[o] = dw3_out(s0, m, cst, k, clamp, lo, hi);
            if (ox + 1 < out_w) {
                out[o + ch] = dw3_out(s1, m, cst, k, clamp, lo, hi);
            }
            q += 2;
            o += 2 * ch;
        }
    }
}

/* The whole layer (dw3_applies, every shift in the output stage's range): strips of output rows
 * whose planes fit, for each four channels expanded then computed channel by channel. */
static void dw3_run(const tx_depthwise_conv2d_s8_params *p, const tx_shape4 *in_shape,
                    const int8_t *in, const int8_t *filter, const int32_t *bias,
                    const tx_shape4 *out_shape, int8_t *out)
{
    int16_t planes[TX_DW3_PLANE_HALFWORDS] __attribute__((aligned(4)));
    dw3_geom g;
    int32_t rows_max, plane_size, b, oy0, c0, j;
    g.in = in;
    g.out = out;
    g.in_h = in_shape->h;
    g.in_w = in_shape->w;
    g.ch = out_shape->c;
    g.out_h = out_shape->h;
    g.out_w = out_shape->w;
    g.pad_top = p->pad_top;
    g.pad_left = p->pad_left;
    g.w2 = dw3_row_length(g.out_w);
    g.i_lo = g.pad_left < g.w2 ? g.pad_left : g.w2;
    g.i_hi = g.in_w + g.pad_left < g.w2 ? g.in_w + g.pad_left : g.w2;
    g.offset = p->input_offset;
    g.off2 = tx_dsp_dup16(p->input_offset);
    g.zp = p->output_offset;
    g.lo = p->act_min;
    g.hi = p->act_max;
    rows_max = TX_DW3_PLANE_HALFWORDS / (4 * g.w2) - 2; /* >= 1 by dw3_applies */
    /* one layout for every strip, so that the padding columns are zeroed once */
    plane_size = (rows_max + 2) * g.w2;
    memset(planes, 0, (size_t)(4 * plane_size) * sizeof planes[0]);
    for (b = 0; b < out_shape->n; b++) {
        for (oy0 = 0; oy0 < g.out_h;) {
            int32_t rows = g.out_h - oy0 < rows_max ? g.out_h - oy0 : rows_max;
            if (rows < g.out_h - oy0 && rows > 1) {
                rows &= ~INT32_C(1); /* even strips but the last: no odd row in between */
            }
            for (c0 = 0; c0 < g.ch; c0 += 4) {
                const int32_t n = g.ch - c0 < 4 ? g.ch - c0 : 4;
                dw3_expand(&g, planes, plane_size, b, oy0 - g.pad_top, rows + 2, c0, n);
                for (j = 0; j < n; j++) {
                    dw3_channel(&g, planes + j * plane_size, filter,
                                bias != 0 ? bias[c0 + j] : INT32_C(0), p->multipliers[c0 + j],
                                p->shifts[c0 + j], b, oy0, rows, c0 + j);
                }
            }
            oy0 += rows;
        }
    }
}

#endif /* TX_ARM_DSP_DW3X3_H */
