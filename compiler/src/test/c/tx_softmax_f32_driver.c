/* Driver for tx_softmax_f32. A case: the shape (n h w c), then the input floats (bits). */
#include "f32_shape_driver.h"
#include "tx_softmax_f32.h"

int main(void)
{
  return run_f32_driver(tx_softmax_f32, 0);
}
