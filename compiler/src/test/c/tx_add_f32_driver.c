/* Driver for tx_add_f32. A case: the shape (n h w c), then input 1 and input 2 (float bits). */
#include "f32_shape_driver.h"
#include "tx_add_f32.h"

int main(void)
{
  return run_f32_driver(0, tx_add_f32);
}
