/*
 * Input and output helpers of the kernel test drivers (dev.tenax.kernels.GccKernelDriver):
 * integers separated by white space, arrays as a length then the values. Malformed input exits
 * with status 2. Test code only: it uses malloc, which the runtime never does.
 */
#ifndef CONV_DRIVER_IO_H
#define CONV_DRIVER_IO_H

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "tx_status.h"

/* Reads n integers; returns 0 at a clean end of input when at_start, exits on malformed input. */
static int read_ints(int32_t *v, int n, int at_start)
{
    int i;
    for (i = 0; i < n; i++) {
        long x;
        int r = scanf("%ld", &x);
        if (r != 1) {
            if (i == 0 && at_start && r == EOF) {
                return 0;
            }
            fprintf(stderr, "malformed input\n");
            exit(2);
        }
        v[i] = (int32_t)x;
    }
    return 1;
}

static int32_t read_length(void)
{
    int32_t n;
    read_ints(&n, 1, 0);
    if (n < 0) {
        fprintf(stderr, "negative array length\n");
        exit(2);
    }
    return n;
}

static int8_t *read_s8_array(int32_t *n)
{
    int32_t i;
    int8_t *a;
    *n = read_length();
    a = (int8_t *)malloc((size_t)(*n > 0 ? *n : 1));
    if (a == NULL) {
        exit(3);
    }
    for (i = 0; i < *n; i++) {
        int32_t v;
        read_ints(&v, 1, 0);
        a[i] = (int8_t)v;
    }
    return a;
}

static int32_t *read_s32_array(int32_t *n)
{
    int32_t *a;
    *n = read_length();
    a = (int32_t *)malloc(sizeof(int32_t) * (size_t)(*n > 0 ? *n : 1));
    if (a == NULL) {
        exit(3);
    }
    read_ints(a, (int)*n, 0);
    return a;
}

static void shape_from(tx_shape4 *s, const int32_t *v)
{
    s->n = v[0];
    s->h = v[1];
    s->w = v[2];
    s->c = v[3];
}

static int64_t shape_size(const tx_shape4 *s)
{
    return (int64_t)s->n * s->h * s->w * s->c;
}

static void print_result(tx_status st, const int8_t *out, int64_t n)
{
    int64_t i;
    if (st != TX_OK) {
        printf("E\n");
        return;
    }
    for (i = 0; i < n; i++) {
        printf(i == 0 ? "%d" : " %d", (int)out[i]);
    }
    printf("\n");
}

#endif /* CONV_DRIVER_IO_H */
