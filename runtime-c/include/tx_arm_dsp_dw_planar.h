/*
 * The driver of the planar 3x3 paths of the Cortex-M DSP tx_depthwise_conv2d_s8
 * (runtime-c/arm-dsp/src/tx_depthwise_conv2d_s8.c): stride 1 (tx_arm_dsp_dw3x3.h) and stride 2
 * (tx_arm_dsp_dws2.h) differ only in how many input rows and columns a strip and tile of
 * outputs read, the plane row width and the channel kernel; the strips, tiles, zeroing and
 * expansion are the same. Static functions, included only by that kernel, inside its
 * __ARM_FEATURE_DSP section, after the two headers above.
 *
 * The per-channel cost: for every strip, tile and four channels dw_run expands the planes and
 * makes one call; the channel kernel copies its state to the stack (10 instructions) and for
 * each channel reads its weights, bias and output stage from the layer's arrays and steps its
 * pointers to the next channel's with one LDM and one STM (TX_DW_CHAN_HEAD and _TAIL, 46
 * instructions; 52 with the pointers one by one, about 80 in C with one call per channel). A
 * tile of MobileNet's 6x6 outputs (36 per channel) spends 1.3 per output on it, its 3x3 ones 5.1.
 * Zeroing: the whole planes when a tile has padding columns (or no input at all), else only its
 * padding rows.
 */
#ifndef TX_ARM_DSP_DW_PLANAR_H
#define TX_ARM_DSP_DW_PLANAR_H

/* The planes array (halfwords): the larger of the two paths', the stride-2 one's only in builds
 * that take that path (tx_arm_dsp_paths.h), so that DS-CNN KWS's stack does not grow with it. */
#define TX_DW_PLANES \
    (TX_DEPTHWISE_CONV2D_S8_PATH_DWS2 && TX_DWS2_ROWS * TX_DWS2_STRIDE > TX_DW3_ROWS * TX_DW3_STRIDE \
         ? TX_DWS2_ROWS * TX_DWS2_STRIDE                                                           \
         : TX_DW3_ROWS * TX_DW3_STRIDE)

/*
 * The input inside a tile's planes (plane rows of `row` halfwords per channel): plane rows
 * [r_lo, r_hi) (plane row r is input row y_first + r) and plane columns [i_lo, i_hi) (column i
 * is input column ix0 + i), both non-empty and inside the input, of batch b, channels
 * c0 .. c0 + n - 1 (n <= 4): channel j's value at planes[r * 4 * row + j * row + i] (input
 * offset added). The rest of the planes (the padding) is left as it is: zero (dw_run).
 */
static void dw_expand(const dw3_geom *g, int16_t *planes, int32_t row, int32_t b, int32_t y_first,
                      int32_t r_lo, int32_t r_hi, int32_t ix0, int32_t i_lo, int32_t i_hi,
                      int32_t c0, int32_t n)
{
    const int32_t ch = g->ch;
    const int32_t stride = 4 * row;
    /* index (not pointer: it must not step past the input's end) of the first pixel */
    int32_t src = ((b * g->in_h + y_first + r_lo) * g->in_w + ix0 + i_lo) * ch + c0;
    int16_t *prow = planes + r_lo * stride + i_lo;
    int32_t r, k, j;
#if defined(__thumb2__)
    if (n == 4) {
        const int32_t count = i_hi - i_lo;
        dw3_expand_args a;
        a.ch = ch;
        a.off2 = g->off2;
        a.rows = r_hi - r_lo;
        /* plane rows are word aligned: column parity is address parity */
        a.lead = i_lo & 1;
        a.quads = (count - a.lead) >> 2;
        a.pair = ((count - a.lead) >> 1) & 1;
        a.odd = (count - a.lead) & 1;
        a.src_row = g->in_w * ch;
        if (row == TX_DW3_ROW) {
            dw3_expand4(g->in + src, prow, &a);
        } else {
            dws2_expand4(g->in + src, prow, &a);
        }
        return;
    }
#endif
    /* the last one to three channels (TX_DEPTHWISE_CONV2D_S8_PATH_PLANAR_TAIL) */
    if (TX_DEPTHWISE_CONV2D_S8_PATH_PLANAR_TAIL) {
        for (r = r_lo; r < r_hi; r++) {
            int32_t s = src;
            int16_t *d = prow;
            for (k = i_hi - i_lo; k > 0; k--) {
                for (j = 0; j < n; j++) {
                    d[j * row] = (int16_t)(g->in[s + j] + g->offset);
                }
                s += ch;
                d++;
            }
            src += g->in_w * ch;
            prow += stride;
        }
    }
}

/* Whether the build's uniform shift S (TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT) suits this layer: for
 * every channel, j = shift - S in [0, 8] (its weights scaled by 2^j stay int16) and its sums scaled
 * by 2^j stay inside int32, bounded without reading the weights: (|bias| + 9 * 128 * max |x +
 * input offset|) * 2^j <= INT32_MAX (tx_arm_dsp_dw3x3.h, TX_DW_STAGE_UNIFORM). The compiler's
 * mirror, which picks S: compiler/src/main/java/dev/tenax/lower/steps/DepthwiseUniformShift.java. */
static int dw_uniform_fits(const tx_depthwise_conv2d_s8_params *p, const int32_t *bias, int32_t ch)
{
    const int32_t lowest = -128 + p->input_offset;
    const int32_t highest = 127 + p->input_offset;
    const uint32_t max_input = (uint32_t)(-lowest > highest ? -lowest : highest);
    const uint32_t products = UINT32_C(9) * UINT32_C(128) * max_input;
    int32_t c;
    for (c = 0; c < ch; c++) {
        const uint32_t j = (uint32_t)(p->shifts[c] - TX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT);
        const uint32_t b = bias == 0 ? 0 : bias[c] < 0 ? 0u - (uint32_t)bias[c] : (uint32_t)bias[c];
        if (j > 8 || b > ((uint32_t)INT32_MAX >> j) - products) {
            return 0;
        }
    }
    return 1;
}

/* The channels of st (a tile, up to four channels) through the channel kernel of stride s and
 * the activation range (tx_depthwise_conv2d_s8 checked that the one this layer needs is compiled
 * in). Which set of kernels is the build's alone: one whose planar calls all take its uniform
 * shift has only the uniform kernels (CHANNEL_SHIFTS 0); in the others the per-channel kernels
 * take either kind of call (st->uniform, TX_DW_STAGE_EITHER). Each call stands under its path
 * macros, so that the kernels left out are dropped. */
static void dw_channels(dw3_state *st, int32_t s, int clamp)
{
    const int own = TX_DEPTHWISE_CONV2D_S8_PATH_CHANNEL_SHIFTS;
    if (s == 1) {
        if (clamp) {
            if (TX_DEPTHWISE_CONV2D_S8_PATH_DW3_CLAMPED) {
                if (own) {
                    dw3_chan_clamp(st);
                } else {
                    dw3_chan_uniform_clamp(st);
                }
            }
        } else if (TX_DEPTHWISE_CONV2D_S8_PATH_DW3_FULL_RANGE) {
            if (own) {
                dw3_chan(st);
            } else {
                dw3_chan_uniform(st);
            }
        }
    } else if (clamp) {
        if (TX_DEPTHWISE_CONV2D_S8_PATH_DWS2_CLAMPED) {
            if (own) {
                dws2_chan_clamp(st);
            } else {
                dws2_chan_uniform_clamp(st);
            }
        }
    } else if (TX_DEPTHWISE_CONV2D_S8_PATH_DWS2_FULL_RANGE) {
        if (own) {
            dws2_chan(st);
        } else {
            dws2_chan_uniform(st);
        }
    }
}

/*
 * The whole layer (dw3_applies for s = 1, dws2_applies for s = 2; every shift in the output
 * stage's range): strips of output rows whose planes fit, tiles of columns, for each four
 * channels expanded once then computed channel by channel. A strip of `rows` output rows reads
 * s * rows + 3 - s input rows, a tile of tw columns s * tw + 3 - s input columns.
 * Compiled for size: it runs once per strip, tile and four channels, and at -O2 GCC's cortex-m7
 * tuning made it 1,194 bytes, which took MobileNet VWW's model code on cortex-m7 to 16,518 bytes,
 * over the 16 KB. -Os: 16,304 there and 16,220 on cortex-m4 (from 16,322), for 3,500
 * more of VWW's 9.35 million instructions.
 */
static __attribute__((optimize("Os"))) void dw_run(const tx_depthwise_conv2d_s8_params *p,
                                                   const tx_shape4 *in_shape, const int8_t *in,
                                                   const int8_t *filter, const int32_t *bias,
                                                   const tx_shape4 *out_shape, int8_t *out,
                                                   int32_t s, int uniform)
{
    int16_t planes[TX_DW_PLANES] __attribute__((aligned(8)));
    const int32_t row = s == 1 ? TX_DW3_ROW : TX_DWS2_ROW;
    const int32_t stride = 4 * row;
    const int32_t tile = s == 1 ? TX_DW3_TILE : TX_DWS2_TILE;
    const int32_t rows_max = s == 1 ? TX_DW3_ROWS - 2 : (TX_DWS2_ROWS - 1) / 2;
    const int clamp = p->act_min != -128 || p->act_max != 127;
    /* what the bias pointer reads without a bias */
    const int32_t no_bias = 0;
    dw3_geom g;
    dw3_state st;
    int8_t *o;
    int32_t b, oy0, x0, c0;
    g.in = in;
    g.out = out;
    g.in_h = in_shape->h;
    g.in_w = in_shape->w;
    g.ch = out_shape->c;
    g.out_h = out_shape->h;
    g.out_w = out_shape->w;
    g.pad_top = p->pad_top;
    g.pad_left = p->pad_left;
    g.offset = p->input_offset;
    g.off2 = tx_dsp_dup16(p->input_offset);
    g.zp = p->output_offset;
    /* (the fields the assembly fills itself are set only to copy defined values) */
    for (c0 = 0; c0 < 4; c0++) {
        st.bias[c0] = 0;
    }
    st.uniform = uniform;
    st.m = 0;
    st.c = 0;
    st.k = 0;
    st.pairs_left = 0;
    st.oend = 0;
    st.lo4 = ((uint32_t)p->act_min & UINT32_C(0xFF)) * UINT32_C(0x01010101);
    st.hi4 = ((uint32_t)p->act_max & UINT32_C(0xFF)) * UINT32_C(0x01010101);
    st.ch = g.ch;
    st.bias_step = bias != 0 ? (int32_t)sizeof(int32_t) : 0;
    st.zp21 = 2 * g.zp + 1;
    st.q_step = 2 * row;
    for (b = 0; b < out_shape->n; b++) {
        for (oy0 = 0; oy0 < g.out_h;) {
            int32_t rows = g.out_h - oy0 < rows_max ? g.out_h - oy0 : rows_max;
            int32_t y_first, prows, r_lo, r_hi;
            if (rows < g.out_h - oy0 && g.out_h - oy0 - rows < 2) {
                /* leave the last strip two rows (rows_max is even): dw3_chan needs a pair */
                rows -= 2;
            }
            y_first = s * oy0 - g.pad_top;
            prows = s * rows + 3 - s;
            /* the plane rows inside the input */
            r_lo = y_first < 0 ? -y_first : 0;
            r_hi = g.in_h - y_first < prows ? g.in_h - y_first : prows;
            for (x0 = 0; x0 < g.out_w; x0 += tile) {
                const int32_t tw = g.out_w - x0 < tile ? g.out_w - x0 : tile;
                /* the plane columns inside the input */
                const int32_t ix0 = s * x0 - g.pad_left;
                const int32_t width = s * tw + 3 - s;
                const int32_t i_lo = ix0 < 0 ? -ix0 : 0;
                const int32_t i_hi = g.in_w - ix0 < width ? g.in_w - ix0 : width;
                /* padding in this strip and tile: zeros there for every channel (whole plane
                 * rows at a time: a plane row of the four channels is stride / 2 words) */
                if (i_lo > 0 || i_hi < width || r_lo >= r_hi) {
                    dw3_zero(planes, prows * stride / 2);
                } else {
                    /* only rows: MobileNet's 48x48 tiles but the first and last columns */
                    if (r_lo > 0) {
                        dw3_zero(planes, r_lo * stride / 2);
                    }
                    if (r_hi < prows) {
                        dw3_zero(planes + r_hi * stride, (prows - r_hi) * stride / 2);
                    }
                }
                st.ostep = g.out_w * g.ch;
                st.olen = (rows >> 1) * 2 * st.ostep;
                /* a 2x2 block steps q down 2 * s plane rows (2 * stride halfwords each); the next
                 * column pair starts 2 * s plane columns right, and its output 2 columns */
                st.q_back = (rows >> 1) * 4 * s * stride - 4 * s;
                st.o_back = st.olen - 2 * g.ch;
                /* the odd last column's window ends in padding: plane column tw + 1 is zero */
                st.edge = s == 1 && (tw & 1) != 0 && (tw + 1 >= i_hi || tw + 1 < i_lo);
                st.odd_rows = rows & 1;
                st.blocks_odd = (rows >> 1) & 1;
                st.odd_col = tw & 1;
                o = out + ((b * g.out_h + oy0) * g.out_w + x0) * g.ch;
                for (c0 = 0; c0 < g.ch; c0 += 4) {
                    const int32_t n = g.ch - c0 < 4 ? g.ch - c0 : 4;
                    if (r_lo < r_hi && i_lo < i_hi) {
                        dw_expand(&g, planes, row, b, y_first, r_lo, r_hi, ix0, i_lo, i_hi, c0,
                                  n);
                    }
                    st.pairs = tw >> 1;
                    st.chans = n;
                    st.q = planes;
                    st.o_chan = o + c0;
                    st.f = filter + c0;
                    st.mult = p->multipliers + c0;
                    st.shift = p->shifts + c0;
                    st.bias_p = bias != 0 ? bias + c0 : &no_bias;
                    dw_channels(&st, s, clamp);
                }
            }
            oy0 += rows;
        }
    }
}

#endif /* TX_ARM_DSP_DW_PLANAR_H */
