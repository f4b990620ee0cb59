# mps3-an547: compiler and QEMU flags (read by the generated Makefile and BoardsTest).
TENAX_BOARD := mps3-an547
TENAX_CPU := cortex-m55
TENAX_CFLAGS := -mcpu=cortex-m55 -mthumb -mfloat-abi=hard
TENAX_QEMU := qemu-system-arm -machine mps3-an547 -cpu cortex-m55 -nographic -monitor none -serial none -semihosting-config enable=on,target=native -icount shift=0
# No common Cortex-M55 board with an OpenOCD target yet: set HW_BOARD, HW_LD and OPENOCD_TARGET for yours.
TENAX_HW_BOARD :=
TENAX_OPENOCD_TARGET :=
