/*
 * The whole main loop of the float drivers whose case is a shape (n h w c) followed by one or two
 * input tensors of that shape (float bits), for kernels with the signature
 * (shape, in[, in2], out).
 */
#ifndef F32_SHAPE_DRIVER_H
#define F32_SHAPE_DRIVER_H

#include "float_driver_io.h"

typedef tx_status (*unary_f32_kernel)(const tx_shape4 *shape, const float *in, float *out);
typedef tx_status (*binary_f32_kernel)(const tx_shape4 *shape, const float *in1,
                                       const float *in2, float *out);

static float driver_in1[DRIVER_MAX_ELEMENTS];
static float driver_in2[DRIVER_MAX_ELEMENTS];
static float driver_out[DRIVER_MAX_ELEMENTS];

/* Runs unary, or binary when it is not null, on every case of stdin. */
static inline int run_f32_driver(unary_f32_kernel unary, binary_f32_kernel binary)
{
  tx_shape4 s;
  int32_t count;
  while (read_i32(&s.n)) {
    s.h = need_i32();
    s.w = need_i32();
    s.c = need_i32();
    count = shape_count(&s);
    read_f32s(driver_in1, count);
    if (binary != 0) {
      read_f32s(driver_in2, count);
      print_result_f32(binary(&s, driver_in1, driver_in2, driver_out), driver_out, count);
    } else {
      print_result_f32(unary(&s, driver_in1, driver_out), driver_out, count);
    }
  }
  return 0;
}

#endif /* F32_SHAPE_DRIVER_H */
