/*
 * Input and output of the kernel test drivers (compiler/src/test/c/tx_*_driver.c), run by
 * dev.tenax.kernels.KernelCrossCheck. Each case is one line of whitespace-separated decimal
 * integers on stdin: a shape is its 4 dimensions, tensor data follows in the number of values its
 * shape gives, and a vector whose length no shape fixes (bias, multipliers, shifts) is its length
 * then its values. Each driver prints one line per case: the status, then the outputs when it is
 * TX_OK. Malformed input exits with status 2.
 */
#ifndef KERNEL_DRIVER_IO_H
#define KERNEL_DRIVER_IO_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "tx_status.h"

/* Helpers not every driver uses are static inline, which gcc does not report when unused. */
#define DRIVER_MAX_ELEMENTS 65536

/* Reads one integer; returns 0 at the end of input (only allowed at a case boundary). */
static inline int read_i32(int32_t *v)
{
  int64_t x;
  if (scanf("%" SCNd64, &x) != 1) {
    return 0;
  }
  if (x < INT32_MIN || x > INT32_MAX) {
    fprintf(stderr, "value %" PRId64 " does not fit int32\n", x);
    exit(2);
  }
  *v = (int32_t)x;
  return 1;
}

static inline int32_t need_i32(void)
{
  int32_t v;
  if (!read_i32(&v)) {
    fprintf(stderr, "truncated case\n");
    exit(2);
  }
  return v;
}

static inline void read_shape(tx_shape4 *s)
{
  s->n = need_i32();
  s->h = need_i32();
  s->w = need_i32();
  s->c = need_i32();
}

static inline int32_t shape_count(const tx_shape4 *s)
{
  const int64_t count = (int64_t)s->n * s->h * s->w * s->c;
  if (count < 0 || count > DRIVER_MAX_ELEMENTS) {
    fprintf(stderr, "bad shape\n");
    exit(2);
  }
  return (int32_t)count;
}

static inline void read_bytes(int8_t *dst, int32_t count)
{
  int32_t i;
  for (i = 0; i < count; i++) {
    const int32_t v = need_i32();
    if (v < -128 || v > 127) {
      fprintf(stderr, "value %" PRId32 " does not fit int8\n", v);
      exit(2);
    }
    dst[i] = (int8_t)v;
  }
}

/* Reads the length of a vector, at most max. */
static inline int32_t read_length(int32_t max)
{
  const int32_t n = need_i32();
  if (n < 0 || n > max) {
    fprintf(stderr, "bad vector length %" PRId32 "\n", n);
    exit(2);
  }
  return n;
}

/* Reads a vector of at most max int32 values, given as its length then its values. */
static inline int32_t read_i32_vector(int32_t *dst, int32_t max)
{
  const int32_t n = read_length(max);
  int32_t i;
  for (i = 0; i < n; i++) {
    dst[i] = need_i32();
  }
  return n;
}

/* Reads a vector of at most max int8 values, given as its length then its values. */
static inline int32_t read_bytes_vector(int8_t *dst, int32_t max)
{
  const int32_t n = read_length(max);
  read_bytes(dst, n);
  return n;
}

/* Prints the status, then the outputs when it is TX_OK. */
static inline void print_result(tx_status status, const int8_t *out, int32_t count)
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

#endif /* KERNEL_DRIVER_IO_H */
