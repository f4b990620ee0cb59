# mps2-an386: compiler and QEMU flags (read by the generated Makefile and BoardsTest).
TENAX_BOARD := mps2-an386
TENAX_CPU := cortex-m4
TENAX_CFLAGS := -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16
TENAX_QEMU := qemu-system-arm -machine mps2-an386 -cpu cortex-m4 -nographic -monitor none -serial none -semihosting-config enable=on,target=native -icount shift=0
# Real board for make flash / make run-hw (qemu/hardware/nucleo-f446re.ld) and its OpenOCD target script.
TENAX_HW_BOARD := nucleo-f446re
TENAX_OPENOCD_TARGET := target/stm32f4x.cfg
