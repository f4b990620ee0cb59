# microbit: compiler and QEMU flags (read by the generated Makefile and BoardsTest).
TENAX_BOARD := microbit
TENAX_CPU := cortex-m0
TENAX_CFLAGS := -mcpu=cortex-m0 -mthumb -mfloat-abi=soft
TENAX_QEMU := qemu-system-arm -machine microbit -cpu cortex-m0 -nographic -monitor none -serial none -semihosting-config enable=on,target=native -icount shift=0
# Real board for make flash / make run-hw (qemu/hardware/nucleo-f072rb.ld) and its OpenOCD target script.
TENAX_HW_BOARD := nucleo-f072rb
TENAX_OPENOCD_TARGET := target/stm32f0x.cfg
