# msp430fr5994: compiler flags and the simulator command (read by the generated Makefile and the runner).
# -mhwmult=none: the multiply helpers come from Tenax's runtime (runtime-c/msp430-hwmult, on the
# 16x16 multiplier at TX_MSP430_HWMULT_BASE, which the generated Makefile passes), whatever the part.
TENAX_BOARD := msp430fr5994
TENAX_CPU := msp430
TENAX_CFLAGS := --target=msp430 -mhwmult=none -D__MSP430FR5994__
TENAX_SIM := mspdebug -q sim
