/* The int8 lookup-table kernel body shared by tx_sigmoid_s8 and tx_tanh_s8 (twin of
 * dev.tenax.kernels.LookupTableS8): every element is replaced by its table entry. */
#ifndef TX_LUT_S8_H
#define TX_LUT_S8_H

#include <stdint.h>

#include "tx_kernel_args.h"
#include "tx_status.h"

/* table has 256 entries, the output for q at index q + 128; in and out may alias. */
static inline tx_status tx_lut_s8_map(const int8_t *table, const tx_shape4 *shape, const int8_t *in,
                                      int8_t *out)
{
  int32_t count;
  int32_t i;
  if (table == 0 || shape == 0 || in == 0 || out == 0 || !tx_shape4_valid(shape)) {
    return TX_ERR_ARGUMENT;
  }
  count = shape->n * shape->h * shape->w * shape->c;
  for (i = 0; i < count; i++) {
    out[i] = table[(int32_t)in[i] + INT32_C(128)];
  }
  return TX_OK;
}

#endif /* TX_LUT_S8_H */
