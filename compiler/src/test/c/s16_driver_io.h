/*
 * int64 vectors for the 16x8 kernel test drivers, on top of float_driver_io.h (which reads and
 * prints int16 data): biases of the 16x8 path are int64, outside what read_i32 accepts.
 */
#ifndef S16_DRIVER_IO_H
#define S16_DRIVER_IO_H

#include "float_driver_io.h"

/* Reads a vector of at most max int64 values, given as its length then its values. */
static inline int32_t read_i64_vector(int64_t *dst, int32_t max)
{
  const int32_t n = read_length(max);
  int32_t i;
  for (i = 0; i < n; i++) {
    if (scanf("%" SCNd64, &dst[i]) != 1) {
      fprintf(stderr, "truncated case\n");
      exit(2);
    }
  }
  return n;
}

#endif /* S16_DRIVER_IO_H */
