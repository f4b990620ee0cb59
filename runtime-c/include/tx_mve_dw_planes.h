/*
 * The planes of the Helium tx_depthwise_conv2d_s8 (runtime-c/arm-mve/src/tx_depthwise_conv2d_s8.c):
 * one channel's input for a block of outputs, int8, on the stack, padded positions set to the
 * input zero point. Static functions, included only by that kernel, inside its TX_MVE section.
 *
 * The outputs go in lines: along the output's rows (lanes along x), or, when that costs less
 * (tx_mve_dw_plane_init: narrow rows, as DS-CNN KWS's 5 columns for 25 rows), along its columns
 * (transposed: lanes along y). A plane line is one input row (or column), `ps` bytes, and holds
 * the input a tile of outputs along the line reads; a strip of lines is as many as the plane
 * holds. Tap t of an output's window lies toff[t] bytes past the window's first byte, the next
 * output along the line `pstep` bytes on, the next line's first `pline` bytes on. The planes of
 * a group of channels (as many as the buffer holds, at most TX_MVE_DW_GROUP) lie `plane` bytes
 * apart, so that small layers (MobileNet's 3x3 outputs of 256 channels) pay the per-call costs
 * once per group instead of once per channel.
 */
#ifndef TX_MVE_DW_PLANES_H
#define TX_MVE_DW_PLANES_H

/* Bytes of a plane (the stack array of depthwise_mve), and past it the bytes that the windows of a
 * line's last block of four may read beyond the line (outputs computed and not stored). */
#define TX_MVE_DW_PLANE 2048
#define TX_MVE_DW_SLACK 256
/* Taps a window may have (larger windows take the reference loop). */
#define TX_MVE_DW_TAPS 64
/* Outputs a layer may have for tx_mve_dw_flat (its two offset tables: 8 bytes an output). */
#define TX_MVE_DW_FLAT 64
/* Channels a group may have (the channel table of depthwise_mve: 32 bytes each). */
#define TX_MVE_DW_GROUP 16

/* One layer's planes: where they are, their layout and the input they copy. */
typedef struct {
    int8_t *buf;
    int transposed;  /* lanes along the output's columns */
    int32_t taps;
    int32_t toff[TX_MVE_DW_TAPS]; /* tap t (ky * kw + kx) from the window's first byte */
    int32_t ps;      /* bytes of a plane line */
    int32_t pstep;   /* from one output's window to the next along a line */
    int32_t pline;   /* from one output line's windows to the next's */
    int32_t tile;    /* outputs per line and tile */
    int32_t strip;   /* output lines per strip */
    int32_t plane;   /* bytes of one channel's plane */
    int32_t group;   /* channels per group */
    int flat;        /* one tile and strip of at most TX_MVE_DW_FLAT outputs (tx_mve_dw_flat) */
    int32_t out_a, out_b;   /* outputs along a line, lines */
    int32_t ostep, oline;   /* output bytes from one output to the next along a line, lines */
    /* the input along a line (a) and across lines (b): stride, padding, the window's span, the
     * input's extent and bytes from one position to the next */
    int32_t sa, sb, pad_a, pad_b, span_a, span_b, in_a, in_b, step_a, step_b;
    const int8_t *in;
    int32_t in_batch;  /* bytes of one batch item */
    int8_t zp;         /* the input zero point: the padding's value */
} tx_mve_dw_plane;

/* The plane lines (rows of the plane) of one tile: sets pl up for this layer (multiplier 1), 0 when
 * one output's window does not fit a plane. */
static int tx_mve_dw_plane_init(tx_mve_dw_plane *pl, const tx_depthwise_conv2d_s8_params *p,
                                const tx_shape4 *in_shape, const int8_t *in,
                                const tx_shape4 *filter_shape, const tx_shape4 *out_shape,
                                int8_t *buf)
{
    const int32_t kh = filter_shape->h;
    const int32_t kw = filter_shape->w;
    const int32_t ch = in_shape->c;
    const int32_t span_h = (kh - 1) * p->dilation_h + 1;
    const int32_t span_w = (kw - 1) * p->dilation_w + 1;
    /* blocks of four outputs plus a line's overhead, each way */
    const int32_t rows_cost = out_shape->h * (6 * ((out_shape->w + 3) / 4) + 3);
    const int32_t cols_cost = out_shape->w * (6 * ((out_shape->h + 3) / 4) + 3);
    int32_t width, lines, t;
    pl->buf = buf;
    /* (the gathers' 16-bit offsets reach 7 positions along a line) */
    pl->transposed = cols_cost < rows_cost && 7 * in_shape->w * ch <= 65535;
    pl->taps = kh * kw;
    pl->in = in;
    pl->in_batch = in_shape->h * in_shape->w * ch;
    pl->zp = (int8_t)(-p->input_offset);
    if (!pl->transposed) {
        pl->sa = p->stride_w, pl->sb = p->stride_h, pl->pad_a = p->pad_left, pl->pad_b = p->pad_top;
        pl->span_a = span_w, pl->span_b = span_h, pl->in_a = in_shape->w, pl->in_b = in_shape->h;
        pl->step_a = ch, pl->step_b = in_shape->w * ch;
        pl->out_a = out_shape->w, pl->out_b = out_shape->h;
        pl->ostep = ch, pl->oline = out_shape->w * ch;
    } else {
        pl->sa = p->stride_h, pl->sb = p->stride_w, pl->pad_a = p->pad_top, pl->pad_b = p->pad_left;
        pl->span_a = span_h, pl->span_b = span_w, pl->in_a = in_shape->h, pl->in_b = in_shape->w;
        pl->step_a = in_shape->w * ch, pl->step_b = ch;
        pl->out_a = out_shape->h, pl->out_b = out_shape->w;
        pl->ostep = out_shape->w * ch, pl->oline = ch;
    }
    /* the widest line the window's lines leave room for, and the tile it holds */
    width = TX_MVE_DW_PLANE / pl->span_b;
    if (pl->taps > TX_MVE_DW_TAPS || width < pl->span_a || 7 * ch > 65535) {
        return 0;
    }
    /* lines short enough for the assembly's 8-bit tap offsets (the window's last tap at
     * (span_b - 1) * ps + span_a - 1 <= 255), where the window leaves room for a tile */
    if (pl->span_b > 1 && (255 - (pl->span_a - 1)) / (pl->span_b - 1) >= pl->span_a
        && (255 - (pl->span_a - 1)) / (pl->span_b - 1) < width) {
        width = (255 - (pl->span_a - 1)) / (pl->span_b - 1);
    }
    pl->tile = (width - pl->span_a) / pl->sa + 1;
    if (pl->tile > pl->out_a) {
        pl->tile = pl->out_a;
    }
    pl->ps = (pl->tile - 1) * pl->sa + pl->span_a;
    lines = TX_MVE_DW_PLANE / pl->ps;
    pl->strip = (lines - pl->span_b) / pl->sb + 1;
    if (pl->strip > pl->out_b) {
        pl->strip = pl->out_b;
    }
    pl->plane = ((pl->strip - 1) * pl->sb + pl->span_b) * pl->ps;
    pl->group = TX_MVE_DW_PLANE / pl->plane;
    if (pl->group > TX_MVE_DW_GROUP) {
        pl->group = TX_MVE_DW_GROUP;
    }
    if (pl->group > ch) {
        pl->group = ch;
    }
    if (pl->group > 8) {
        pl->group &= ~7; /* (whole eights: tx_mve_dw_scatter8) */
    }
    pl->pstep = pl->sa;
    pl->flat = pl->tile == pl->out_a && pl->strip == pl->out_b
               && pl->out_a * pl->out_b <= TX_MVE_DW_FLAT;
    pl->pline = pl->sb * pl->ps;
    for (t = 0; t < pl->taps; t++) {
        const int32_t ky = t / kw * p->dilation_h;
        const int32_t kx = t % kw * p->dilation_w;
        pl->toff[t] = pl->transposed ? kx * pl->ps + ky : ky * pl->ps + kx;
    }
    return 1;
}

/* dst[k] = src[k * step] for k < n (n >= 1), eight at a time: a gather of 16-bit offsets off
 * (k * step, k < 8, step <= 9362) and a narrowing store, tail-predicated (4 instructions). */
static inline void tx_mve_dw_gather(int8_t *dst, const int8_t *src, int32_t step,
                                    const uint16_t *off, int32_t n)
{
    __asm__ volatile("vldrh.u16   q1, [%[off]]\n\t"
                     "dlstp.16    lr, %[n]\n"
                     "1:\n\t"
                     "vldrb.u16   q0, [%[s], q1]\n\t"
                     "add         %[s], %[s], %[s8]\n\t"
                     "vstrb.16    q0, [%[d]], #8\n\t"
                     "letp        lr, 1b"
                     : [s] "+l"(src), [d] "+l"(dst)
                     : [n] "r"(n), [off] "r"(off), [s8] "r"(8 * step)
                     : "lr", "d0", "d1", "d2", "d3", "memory");
}

/* For positions k < n (n >= 1): the eight bytes src + k * step .. + 7 to dst + k + j * plane,
 * j < 8 (16-bit offsets off: j * plane); 5 instructions a position. */
static inline void tx_mve_dw_scatter8(int8_t *dst, const int8_t *src, int32_t step,
                                      const uint16_t *off, int32_t n)
{
    __asm__ volatile("vldrh.u16   q1, [%[off]]\n\t"
                     "dls         lr, %[n]\n"
                     "1:\n\t"
                     "vldrb.u16   q0, [%[s]]\n\t"
                     "add         %[s], %[s], %[st]\n\t"
                     "vstrb.16    q0, [%[d], q1]\n\t"
                     "adds        %[d], %[d], #1\n\t"
                     "le          lr, 1b"
                     : [s] "+l"(src), [d] "+l"(dst)
                     : [n] "r"(n), [off] "r"(off), [st] "r"(step)
                     : "lr", "d0", "d1", "d2", "d3", "memory");
}

/* The input of channels [c, c + g) for output lines [b0, b0 + lines) and outputs [a0, a0 + n)
 * along them, of batch item b, into their planes. */
static void tx_mve_dw_expand(const tx_mve_dw_plane *pl, int32_t b, int32_t b0, int32_t a0,
                             int32_t lines, int32_t n, int32_t c, int32_t g)
{
    const int32_t first_b = b0 * pl->sb - pl->pad_b;
    const int32_t first_a = a0 * pl->sa - pl->pad_a;
    const int32_t count = (lines - 1) * pl->sb + pl->span_b;
    const int32_t width = (n - 1) * pl->sa + pl->span_a;
    /* the positions along a line and the lines inside the input: [lo, hi), [r_lo, r_hi) */
    const int32_t lo = first_a < 0 ? -first_a : 0;
    const int32_t hi = pl->in_a - first_a < width ? pl->in_a - first_a : width;
    const int32_t r_lo = first_b < 0 ? -first_b : 0;
    const int32_t r_hi = pl->in_b - first_b < count ? pl->in_b - first_b : count;
    /* index of channel c at the first inside position of input line 0 (not a pointer: it may
     * lie outside the input when none is inside) */
    const int32_t base = b * pl->in_batch + c + (first_a + lo) * pl->step_a;
    uint16_t off[8];
    int32_t r, j;
    if (lo > 0 || hi < width || r_lo > 0 || r_hi < count) {
        tx_mve_fill_s8(pl->buf, pl->zp, (g - 1) * pl->plane + count * pl->ps);
    }
    if (hi <= lo) {
        return;
    }
    if (g % 8 == 0) {
        /* each position's channels, eight contiguous in the input, to their eight planes */
        for (j = 0; j < 8; j++) {
            off[j] = (uint16_t)(j * pl->plane);
        }
        for (j = 0; j < g; j += 8) {
            for (r = r_lo; r < r_hi; r++) {
                tx_mve_dw_scatter8(pl->buf + j * pl->plane + r * pl->ps + lo,
                                   pl->in + (base + j + (first_b + r) * pl->step_b), pl->step_a,
                                   off, hi - lo);
            }
        }
        return;
    }
    /* each channel's positions, step_a apart in the input, gathered */
    for (j = 0; j < 8; j++) {
        off[j] = (uint16_t)(j * pl->step_a);
    }
    for (j = 0; j < g; j++) {
        for (r = r_lo; r < r_hi; r++) {
            tx_mve_dw_gather(pl->buf + j * pl->plane + r * pl->ps + lo,
                             pl->in + (base + j + (first_b + r) * pl->step_b), pl->step_a, off,
                             hi - lo);
        }
    }
}

#endif /* TX_MVE_DW_PLANES_H */
