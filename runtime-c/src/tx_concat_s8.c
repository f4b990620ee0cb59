/* Concatenation of int8 NHWC tensors; the specification is dev.tenax.kernels.ConcatS8. */
#include "tx_concat_s8.h"

#define TX_COPY_ELEM int8_t
#include "tx_concat_body.h"

tx_status tx_concat_s8(const tx_concat_s8_params *p, const tx_shape4 *in_shapes,
                       const int8_t *const *ins, int8_t *out)
{
  return tx_concat_body(p, in_shapes, ins, out);
}

int32_t tx_concat_s8_scratch_size(const tx_concat_s8_params *p, const tx_shape4 *in_shapes)
{
  (void)p;
  (void)in_shapes;
  return 0;
}
