/* Body of the drivers for tx_concat_s8 and tx_concat_s16 (dev.tenax.kernels.ConcatS8Test and
 * ConcatS16Test), which differ only in the element type: the including driver defines
 * DRIVER_ELEM, DRIVER_PARAMS, DRIVER_KERNEL, DRIVER_READ and DRIVER_PRINT. A case: axis,
 * num_inputs (at most 8), then for each input its shape and its values. */
#ifndef CONCAT_DRIVER_H
#define CONCAT_DRIVER_H

#define MAX_INPUTS 8

static DRIVER_ELEM in[MAX_INPUTS][DRIVER_MAX_ELEMENTS / MAX_INPUTS];
static DRIVER_ELEM out[DRIVER_MAX_ELEMENTS];

int main(void)
{
  DRIVER_PARAMS p;
  tx_shape4 shapes[MAX_INPUTS];
  const DRIVER_ELEM *ins[MAX_INPUTS];
  int32_t k;
  int32_t total;
  while (read_i32(&p.axis)) {
    p.num_inputs = need_i32();
    if (p.num_inputs <= 0 || p.num_inputs > MAX_INPUTS) {
      fprintf(stderr, "bad number of inputs\n");
      return 2;
    }
    total = 0;
    for (k = 0; k < p.num_inputs; k++) {
      int32_t count;
      read_shape(&shapes[k]);
      count = shape_count(&shapes[k]);
      if (count > DRIVER_MAX_ELEMENTS / MAX_INPUTS) {
        fprintf(stderr, "input too large\n");
        return 2;
      }
      DRIVER_READ(in[k], count);
      ins[k] = in[k];
      total += count;
    }
    DRIVER_PRINT(DRIVER_KERNEL(&p, shapes, ins, out), out, total);
  }
  return 0;
}

#endif /* CONCAT_DRIVER_H */
