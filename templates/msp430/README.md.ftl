# ${model.name}: ${model.modelFile} for ${model.target}, compiled by Tenax ${model.version}

Model SHA-256: `${model.sha256}`. Tested in mspdebug's simulator (`mspdebug sim`) with the memory
map of the ${model.board} below 64 KB (`board/${model.board}.ld`).

- `make` builds `${model.name}.elf` with `clang-19 --target=msp430` and `ld.lld-19` (Debian:
  `apt-get install clang-19 lld-19`), writes the link map `${model.name}.map` and prints the size
  report. `make TOOLCHAIN=gcc` uses TI's `msp430-elf-gcc` instead (set `GCC_PREFIX` if it is not
  on the `PATH` as `msp430-elf-gcc`); that path is written to work but is not tested by Tenax.
  Without `CFLAGS` the code is compiled at `-Os`, and when that does not link (the FRAM below
  64 KB is the scarce resource) `make` says so and builds again at `-Oz` (smaller code, the
  kernels' assembly loops kept), then if need be at `-Oz -DTX_SMALL_CODE` (smallest code, slower
  loops), remembered in `.tenax-level` until `make clean`. `make CFLAGS=...` uses your flags
  (include the `-O` level), with no fallback.
- `make run` runs the firmware in `mspdebug sim` up to `tenax_exit` and prints `tenax_exit_status`
  (0 = success) and the tracer's instruction and MCLK counts. Inputs are whatever is in
  `tenax_input_<i>`; `tenax run . --input NAME=x.npy -o out/` loads `.npy` inputs there, runs,
  and writes `out/<output>.npy`. `TIMEOUT` (seconds, default 600) stops a runaway program.
- `HWMULT_BASE` is the address of the hardware multiplier's 16x16 registers (MPY, MACS, OP2,
  RESLO, RESHI), which the multiply helpers and the int8 kernels in `runtime/src` use: 0x0130
  (the default) is where mspdebug's simulator has them, 0x04C0 is where the MSP430FR5994 and
  FR5969 have them. Build for a board with `make HWMULT_BASE=0x04C0` (every object is rebuilt
  when the value changes); `make flash` refuses the simulator's value.
- `make flash HWMULT_BASE=0x04C0` programs a LaunchPad (MSP-EXP430FR5994 or MSP-EXP430FR5969) with
  `mspdebug tilib` (needs TI's `libmsp430.so`); `MSPDEBUG_DRIVER=ezfet` uses mspdebug's
  own eZ-FET driver. After reset the firmware runs once and idles in `tenax_exit`; read the results
  with a debugger, e.g. `mspdebug tilib "md tenax_output_0 40"`.

Memory: code, weights (`.tenax_weights`) and the input and output tensors (`.tenax_io`) are in
FRAM below 64 KB (clang emits 16-bit addresses only); the arena is in ${model.arenaPlace}
(${model.arenaNote}). The 512-byte information FRAM at 0x1800 (`.tenax_nvm`) holds the progress that
survives power loss, so all of the low main FRAM is for the model. The firmware holds the watchdog and leaves the clock at its reset default; raise MCLK
to 16 MHz (with the FRAM wait state) in `board/crt0.c` if you measure time on a board.

To use the model in your own firmware, take `${model.name}.h/.c`, `${model.name}_weights.c` and
`runtime/` (the `tx_mspabi_*.c` files are the multiply, divide, shift and float helpers the compiler
calls; compile `runtime/src` with `-DTX_MSP430_HWMULT_BASE=0x04C0`), define `${model.upperName}_WEIGHTS_PLACEMENT` to place the weights, and <#if model.fingerprint != "">call
`${model.name}_resume` at every boot (`${model.name}_restart` before each new inference) with the arena
(`${model.upperName}_ARENA_SIZE` bytes), the inputs, the outputs and the progress record
(`${model.upperName}_PROGRESS_SIZE` bytes) all in FRAM: this is an intermittent build, and
`${model.name}.h` says how the calls resume after a power failure and report a result once.<#else>give
`${model.name}_invoke` an arena of `${model.upperName}_ARENA_SIZE` bytes.</#if>

| | |
|---|---|
| kernel calls | ${model.steps?size} |
| multiply-accumulates | ${model.macs?c} |
| arena (peak) | ${model.arenaBytes?c} bytes, in ${model.arenaPlace} |
| arena lower bound | ${model.lowerBound?c} bytes |
| constant data | ${model.weightBytes?c} bytes |

Inputs:
<#list model.inputs as io>
- `${io.name}`: ${io.dtype} ${io.shape}<#if io.quantized> (scale ${io.scaleDecimal}, zero point ${io.zeroPoint})</#if> (`tenax_input_${io.index}`)
</#list>

Outputs:
<#list model.outputs as io>
- `${io.name}`: ${io.dtype} ${io.shape}<#if io.quantized> (scale ${io.scaleDecimal}, zero point ${io.zeroPoint})</#if> (`tenax_output_${io.index}`)
</#list>
<#if model.floatNodes?has_content>

Nodes computed in float32 (no integer kernel, software floating point): <#list model.floatNodes as n>`${n}`<#sep>, </#sep></#list>.
</#if>
