/*
 * tx_pool_sum.h: the sum of one pooling window's valid taps, shared by the average pools
 * (tx_avg_pool_body.h for tx_avg_pool_s8/_s16, tx_avg_pool_requant_s8_body.h). The including
 * source defines TX_POOL_ELEM, the element type (int8_t or int16_t), first.
 */
#ifndef TX_POOL_SUM_H
#define TX_POOL_SUM_H

#include <stddef.h>
#include <stdint.h>

/* The sum of a window's taps: rows `row` elements apart from `tap` to tap + rows_last, columns
 * `c` apart to row + cols_last. Pointers stop at the last tap. Exact for windows of up to 2^23
 * int8 or 2^16 int16 taps (tx_avg_pool_requant_s8 rejects larger ones). */
static int32_t tx_pool_sum(const TX_POOL_ELEM *tap, size_t rows_last, size_t cols_last,
                           size_t row, size_t c)
{
  const TX_POOL_ELEM *const bottom = tap + rows_last;
  int32_t sum = 0;
  for (;;) {
    const TX_POOL_ELEM *q = tap;
    const TX_POOL_ELEM *const end = tap + cols_last;
    for (;;) {
      sum += *q;
      if (q == end) {
        break;
      }
      q += c;
    }
    if (tap == bottom) {
      return sum;
    }
    tap += row;
  }
}

#endif /* TX_POOL_SUM_H */
