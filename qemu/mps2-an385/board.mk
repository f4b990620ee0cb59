# mps2-an385: compiler and QEMU flags (read by the generated Makefile and BoardsTest).
TENAX_BOARD := mps2-an385
TENAX_CPU := cortex-m3
TENAX_CFLAGS := -mcpu=cortex-m3 -mthumb -mfloat-abi=soft
TENAX_QEMU := qemu-system-arm -machine mps2-an385 -cpu cortex-m3 -nographic -monitor none -serial none -semihosting-config enable=on,target=native -icount shift=0
# Real board for make flash / make run-hw (qemu/hardware/nucleo-f103rb.ld) and its OpenOCD target script.
TENAX_HW_BOARD := nucleo-f103rb
TENAX_OPENOCD_TARGET := target/stm32f1x.cfg
