# mps2-an500: compiler and QEMU flags (read by the generated Makefile and BoardsTest).
TENAX_BOARD := mps2-an500
TENAX_CPU := cortex-m7
TENAX_CFLAGS := -mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16
TENAX_QEMU := qemu-system-arm -machine mps2-an500 -cpu cortex-m7 -nographic -monitor none -serial none -semihosting-config enable=on,target=native -icount shift=0
# Real board for make flash / make run-hw (qemu/hardware/nucleo-f767zi.ld) and its OpenOCD target script.
TENAX_HW_BOARD := nucleo-f767zi
TENAX_OPENOCD_TARGET := target/stm32f7x.cfg
