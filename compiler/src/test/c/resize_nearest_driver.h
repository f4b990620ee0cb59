/* Body of the drivers for tx_resize_nearest_s8 and tx_resize_nearest_s16
 * (dev.tenax.kernels.ResizeNearestS8Test and ResizeNearestS16Test), which differ only in the
 * element type: the including driver defines DRIVER_ELEM, DRIVER_PARAMS, DRIVER_KERNEL,
 * DRIVER_READ and DRIVER_PRINT. A case: the input shape, the output shape, src_y and src_x as
 * vectors (length then entries), then the input. */
#ifndef RESIZE_NEAREST_DRIVER_H
#define RESIZE_NEAREST_DRIVER_H

#define MAX_TABLE 4096

static DRIVER_ELEM in[DRIVER_MAX_ELEMENTS];
static DRIVER_ELEM out[DRIVER_MAX_ELEMENTS];
static int32_t src_y[MAX_TABLE];
static int32_t src_x[MAX_TABLE];

int main(void)
{
  DRIVER_PARAMS p;
  tx_shape4 is;
  tx_shape4 os;
  p.src_y = src_y;
  p.src_x = src_x;
  while (read_i32(&is.n)) {
    is.h = need_i32();
    is.w = need_i32();
    is.c = need_i32();
    read_shape(&os);
    if (read_i32_vector(src_y, MAX_TABLE) != os.h || read_i32_vector(src_x, MAX_TABLE) != os.w) {
      fprintf(stderr, "index tables do not match the output shape\n");
      return 2;
    }
    DRIVER_READ(in, shape_count(&is));
    DRIVER_PRINT(DRIVER_KERNEL(&p, &is, in, &os, out), out, shape_count(&os));
  }
  return 0;
}

#endif /* RESIZE_NEAREST_DRIVER_H */
