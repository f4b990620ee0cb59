/* Elementwise int8 addition; the specification is dev.tenax.kernels.AddS8. */
#include "tx_add_s8.h"

#include "tx_add_s8_body.h"

tx_status tx_add_s8(const tx_add_s8_params *p, const tx_shape4 *shape, const int8_t *in1,
                    const int8_t *in2, int8_t *out)
{
  const int32_t count = tx_add_s8_count(p, shape, in1, in2, out);
  if (count < 0) {
    return TX_ERR_ARGUMENT;
  }
  tx_add_s8_reference(p, count, in1, in2, out);
  return TX_OK;
}

int32_t tx_add_s8_scratch_size(const tx_add_s8_params *p, const tx_shape4 *shape)
{
  (void)p;
  (void)shape;
  return 0;
}
