/*
 * Float and int16 data for the float kernel test drivers, on top of kernel_driver_io.h: a float
 * travels as the signed decimal of its IEEE bits, so nothing is lost to printf/scanf. Every NaN
 * is printed as 0x7fc00000 because payloads and signs of NaN are not specified (x86 makes
 * 0xffc00000, Java's Float.NaN is 0x7fc00000); Java compares Float.floatToIntBits likewise.
 */
#ifndef FLOAT_DRIVER_IO_H
#define FLOAT_DRIVER_IO_H

#include "kernel_driver_io.h"
#include "tx_math_f32.h"

static inline float read_f32(void)
{
  return tx_f32_from_bits((uint32_t)need_i32());
}

static inline void read_f32s(float *dst, int32_t count)
{
  int32_t i;
  for (i = 0; i < count; i++) {
    dst[i] = read_f32();
  }
}

/* Reads a vector of at most max floats, given as its length then its values. */
static inline int32_t read_f32_vector(float *dst, int32_t max)
{
  const int32_t n = read_length(max);
  read_f32s(dst, n);
  return n;
}

static inline void read_s16s(int16_t *dst, int32_t count)
{
  int32_t i;
  for (i = 0; i < count; i++) {
    const int32_t v = need_i32();
    if (v < -32768 || v > 32767) {
      fprintf(stderr, "value %" PRId32 " does not fit int16\n", v);
      exit(2);
    }
    dst[i] = (int16_t)v;
  }
}

/* The bits of x as Java's Float.floatToIntBits prints them. */
static inline void print_f32(float x)
{
  const uint32_t bits = x != x ? UINT32_C(0x7fc00000) : tx_f32_bits(x);
  printf(" %" PRId64, (int64_t)bits - (bits > UINT32_C(0x7fffffff) ? INT64_C(0x100000000) : 0));
}

static inline void print_result_f32(tx_status status, const float *out, int32_t count)
{
  int32_t i;
  printf("%d", (int)status);
  if (status == TX_OK) {
    for (i = 0; i < count; i++) {
      print_f32(out[i]);
    }
  }
  printf("\n");
}

static inline void print_result_s16(tx_status status, const int16_t *out, int32_t count)
{
  int32_t i;
  printf("%d", (int)status);
  if (status == TX_OK) {
    for (i = 0; i < count; i++) {
      printf(" %d", (int)out[i]);
    }
  }
  printf("\n");
}

#endif /* FLOAT_DRIVER_IO_H */
