# ${model.name}: ${model.modelFile} for ${model.target}, compiled by Tenax ${model.version}

Model SHA-256: `${model.sha256}`. Tested on the QEMU board `${model.board}`.

- `make` builds `${model.name}.elf` with arm-none-eabi-gcc, writes the link map `${model.name}.map`
  and prints the size report (text = code + weights in flash, bss = arena and tensors in SRAM).
  The C is compiled with `${model.codeOptimization}` (`tenax compile --optimize=<#if model.codeOptimization?starts_with("-Os")>size`:
  smaller code, more instructions<#else>speed`, the default; `--optimize=size` compiles
  with `-Os -DTX_SMALL_CODE`: smaller code, more instructions</#if>); `make CFLAGS=...`
  (any flags, with an `-O` level) overrides it for one build.
- `make run` runs it under QEMU (`qemu-system-arm`, semihosting, `-icount shift=0` so time counts
  instructions): it reads `input_<i>.bin` (the raw elements, of the input's type below, in the ONNX shape) from `RUN_DIR` (default
  `.`), zeros when a file is absent, writes `output_<i>.bin`, and prints
  `TENAX-DONE status=<s> ticks=<n>` (SysTick ticks; see `board/board.mk` for the clock).
  `tenax run . --input NAME=x.npy -o out/` does the same from `.npy` files.
- `make flash` links the same objects for a real board (`board/hw/$(HW_BOARD).ld`, giving
  `${model.name}-hw.elf`) and programs it with OpenOCD. Defaults for ${model.target}: the ST Nucleo
  board in `board/board.mk` (`TENAX_HW_BOARD`, `TENAX_OPENOCD_TARGET`) with its on-board ST-LINK
  (`PROBE=interface/stlink.cfg`). Variables: `HW_BOARD` (one of `board/hw/*.ld`: nucleo-f072rb
  (M0), nucleo-f103rb (M3), nucleo-f446re (M4), nucleo-f767zi (M7), nucleo-l552ze-q (M33)), `HW_LD`
  (your own linker script with MEMORY regions FLASH, RAM and NVM that `INCLUDE`s
  `tenax_sections.ld`), `PROBE` (e.g. `interface/cmsis-dap.cfg`, `interface/jlink.cfg`) and
  `OPENOCD_TARGET` (e.g. `target/nrf52.cfg`). Example:
  `make flash HW_BOARD=nucleo-f446re PROBE=interface/stlink.cfg OPENOCD_TARGET=target/stm32f4x.cfg`.
- `make run-hw` flashes and runs the harness on the board with OpenOCD's semihosting (the console,
  `input_<i>.bin` and `output_<i>.bin` go through the debugger, from `RUN_DIR`); on hardware the
  tick counter is the DWT cycle counter, so `TENAX-STEP`/`TENAX-DONE` report core cycles. The
  harness needs the debugger attached (a semihosting call without one stops the core); for a
  product, link the model into your own firmware instead (below): it needs only
  `${model.name}.h/.c`, `${model.name}_weights.c` and `runtime/`<#if model.kernelPaths?has_content>,
  plus `tx_config.h` with `-DTX_CONFIG_H`: it leaves out the kernel paths this model's calls do not
  take (less flash) and gives the depthwise kernels the output shift, and when they have one, the
  layer shape this model's layers share (faster); a kernel called with other shapes then returns
  `TX_ERR_ARGUMENT` unless you build without the define</#if>.
- `CMakeLists.txt` builds the model and the runtime kernels as a static library for an existing
  firmware build; define `${model.upperName}_WEIGHTS_PLACEMENT` (e.g. to
  `__attribute__((section(".rodata_flash")))`) to place the weights, and <#if model.fingerprint != "">call
  `${model.name}_resume` at every boot (and `${model.name}_restart` before each new inference) with an
  arena of `${model.upperName}_ARENA_SIZE` bytes, the inputs, the outputs and a progress record of
  `${model.upperName}_PROGRESS_SIZE` bytes all in non-volatile memory (FRAM, or flash your firmware
  writes as NVM): this is an intermittent build, and `${model.name}.h` says how the calls resume
  after a power failure and report a result once. `${model.name}_invoke` runs the same inference
  from start to end on continuous power.<#else>give
  `${model.name}_invoke` an arena of `${model.upperName}_ARENA_SIZE` bytes in the RAM you choose.</#if>
<#if model.boardNote?has_content>

`make flash`'s default board cannot hold this build (`make run` and `tenax run` are not affected);
`tenax compile` said:

```text
${model.boardNote}
```
</#if>

| | |
|---|---|
| kernel calls | ${model.steps?size} |
| multiply-accumulates | ${model.macs?c} |
| arena (peak) | ${model.arenaBytes?c} bytes |
| arena lower bound | ${model.lowerBound?c} bytes |
| constant data | ${model.weightBytes?c} bytes |
| stack (estimated) | ${model.stackBytes?c} bytes: the links reserve it (`STACK_SIZE` in the Makefile); your firmware's stack must hold it plus the frames above your call |

Inputs:
<#list model.inputs as io>
- `${io.name}`: ${io.dtype} ${io.shape}<#if io.quantized> (scale ${io.scaleDecimal}, zero point ${io.zeroPoint})</#if> (`input_${io.index}.bin`)
</#list>

Outputs:
<#list model.outputs as io>
- `${io.name}`: ${io.dtype} ${io.shape}<#if io.quantized> (scale ${io.scaleDecimal}, zero point ${io.zeroPoint})</#if> (`output_${io.index}.bin`)
</#list>
<#if model.floatNodes?has_content>

Nodes computed in float32 (no integer kernel): <#list model.floatNodes as n>`${n}`<#sep>, </#sep></#list>.
</#if>
