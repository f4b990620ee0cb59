/* Status codes every runtime function returns, and the shape type shared by the kernels. */
#ifndef TX_STATUS_H
#define TX_STATUS_H

#include <stdint.h>

/* 0 is success; negative values are errors a caller can report. */
typedef enum {
  TX_OK = 0,
  TX_ERR_ARGUMENT = -1,    /* a parameter is out of range or inconsistent */
  TX_ERR_SCRATCH = -2      /* the scratch buffer is missing or too small */
} tx_status;

/* An NHWC activation shape (n, h, w, c); 1-D and 2-D tensors use h = w = 1. */
typedef struct {
  int32_t n;
  int32_t h;
  int32_t w;
  int32_t c;
} tx_shape4;

#endif /* TX_STATUS_H */
