/* Concatenation of int16 NHWC tensors; the specification is dev.tenax.kernels.ConcatS16. */
#include "tx_concat_s16.h"

#define TX_COPY_ELEM int16_t
#include "tx_concat_body.h"

tx_status tx_concat_s16(const tx_concat_s16_params *p, const tx_shape4 *in_shapes,
                        const int16_t *const *ins, int16_t *out)
{
  return tx_concat_body(p, in_shapes, ins, out);
}

int32_t tx_concat_s16_scratch_size(const tx_concat_s16_params *p, const tx_shape4 *in_shapes)
{
  (void)p;
  (void)in_shapes;
  return 0;
}
