# mps2-an505: compiler and QEMU flags (read by the generated Makefile and BoardsTest).
TENAX_BOARD := mps2-an505
TENAX_CPU := cortex-m33
TENAX_CFLAGS := -mcpu=cortex-m33 -mthumb -mfloat-abi=hard -mfpu=fpv5-sp-d16
TENAX_QEMU := qemu-system-arm -machine mps2-an505 -cpu cortex-m33 -nographic -monitor none -serial none -semihosting-config enable=on,target=native -icount shift=0
# Real board for make flash / make run-hw (qemu/hardware/nucleo-l552ze-q.ld) and its OpenOCD target script.
TENAX_HW_BOARD := nucleo-l552ze-q
TENAX_OPENOCD_TARGET := target/stm32l5x.cfg
