# ${model.name}: ${model.modelFile} for ${model.target}, compiled by Tenax ${model.version}

Model SHA-256: `${model.sha256}`. Tested on the QEMU board `${model.board}`.

- `make` builds `${model.name}.elf` with arm-none-eabi-gcc, writes the link map `${model.name}.map`
  and prints the size report (text = code + weights in flash, bss = arena and tensors in SRAM).
- `make run` runs it under QEMU (`qemu-system-arm`, semihosting, `-icount shift=0` so time counts
  instructions): it reads `input_<i>.bin` (raw float32 in the ONNX shape) from `RUN_DIR` (default
  `.`), zeros when a file is absent, writes `output_<i>.bin`, and prints
  `TENAX-DONE status=<s> ticks=<n>` (SysTick ticks; see `board/board.mk` for the clock).
  `tenax run . --input NAME=x.npy -o out/` does the same from `.npy` files.
- `make flash` programs a real board with OpenOCD. The defaults (`PROBE=interface/stlink.cfg`,
  `OPENOCD_TARGET=target/stm32f4x.cfg`) fit an STM32 Nucleo-F4 board; set both for another probe
  or part. On real hardware replace `board/` (start-up code, linker script) with your board's:
  the model itself needs only `${model.name}.h/.c`, `${model.name}_weights.c` and `runtime/`.
- `CMakeLists.txt` builds the model and the runtime kernels as a static library for an existing
  firmware build; define `${model.upperName}_WEIGHTS_PLACEMENT` (e.g. to
  `__attribute__((section(".rodata_flash")))`) to place the weights, and give
  `${model.name}_invoke` an arena of `${model.upperName}_ARENA_SIZE` bytes in the RAM you choose.

| | |
|---|---|
| kernel calls | ${model.steps?size} |
| multiply-accumulates | ${model.macs?c} |
| arena (peak) | ${model.arenaBytes?c} bytes |
| arena lower bound | ${model.lowerBound?c} bytes |
| constant data | ${model.weightBytes?c} bytes |

Inputs:
<#list model.inputs as io>
- `${io.name}`: float32 ${io.shape} (`input_${io.index}.bin`)
</#list>

Outputs:
<#list model.outputs as io>
- `${io.name}`: float32 ${io.shape} (`output_${io.index}.bin`)
</#list>
<#if model.floatNodes?has_content>

Nodes computed in float32 (no integer kernel): <#list model.floatNodes as n>`${n}`<#sep>, </#sep></#list>.
</#if>
