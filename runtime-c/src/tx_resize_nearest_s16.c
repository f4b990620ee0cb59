/* Nearest-neighbour int16 resize; the specification is dev.tenax.kernels.ResizeNearestS16. */
#include "tx_resize_nearest_s16.h"

#define TX_COPY_ELEM int16_t
#include "tx_resize_nearest_body.h"

tx_status tx_resize_nearest_s16(const tx_resize_nearest_s16_params *p,
                                const tx_shape4 *in_shape, const int16_t *in,
                                const tx_shape4 *out_shape, int16_t *out)
{
  return tx_resize_nearest_body(p, in_shape, in, out_shape, out);
}

int32_t tx_resize_nearest_s16_scratch_size(const tx_resize_nearest_s16_params *p,
                                           const tx_shape4 *in_shape,
                                           const tx_shape4 *out_shape)
{
  (void)p;
  (void)in_shape;
  (void)out_shape;
  return 0;
}
