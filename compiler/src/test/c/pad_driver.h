/* Body of the drivers for tx_pad_s8 and tx_pad_s16 (dev.tenax.kernels.PadS8Test and PadS16Test),
 * which differ only in the element type: the including driver defines DRIVER_ELEM,
 * DRIVER_PARAMS, DRIVER_KERNEL, DRIVER_READ and DRIVER_PRINT. A case: before[4], after[4],
 * pad_value, the input shape, then the input. */
#ifndef PAD_DRIVER_H
#define PAD_DRIVER_H

static DRIVER_ELEM in[DRIVER_MAX_ELEMENTS];
static DRIVER_ELEM out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  DRIVER_PARAMS p;
  tx_shape4 s;
  tx_shape4 o;
  int32_t d;
  while (read_i32(&p.before[0])) {
    for (d = 1; d < 4; d++) {
      p.before[d] = need_i32();
    }
    for (d = 0; d < 4; d++) {
      p.after[d] = need_i32();
    }
    p.pad_value = need_i32();
    read_shape(&s);
    DRIVER_READ(in, shape_count(&s));
    o.n = s.n + p.before[0] + p.after[0];
    o.h = s.h + p.before[1] + p.after[1];
    o.w = s.w + p.before[2] + p.after[2];
    o.c = s.c + p.before[3] + p.after[3];
    DRIVER_PRINT(DRIVER_KERNEL(&p, &s, in, out), out, shape_count(&o));
  }
  return 0;
}

#endif /* PAD_DRIVER_H */
