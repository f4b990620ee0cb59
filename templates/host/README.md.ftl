# ${model.name}: ${model.modelFile} compiled by Tenax ${model.version}

Target: ${model.target}. Model SHA-256: `${model.sha256}`.

- `make` builds `lib${model.name}.so` and `lib${model.name}.a` with the system C compiler.
- `tenax run . --input NAME=x.npy -o out/` runs one inference and writes each output as
  `out/<output-name>.npy`.
- `${model.name}.h` is the whole API: `${model.name}_invoke(inputs, outputs, arena)` with the
  inputs and outputs below in the ONNX model's shapes and an arena of `${model.upperName}_ARENA_SIZE`
  (${model.arenaBytes?c}) bytes aligned to `${model.upperName}_ARENA_ALIGN` (${model.arenaAlign?c}).
- `CMakeLists.txt` builds the same sources as a static library for an existing CMake build.
- `memory_map.json` lists every tensor's place in the arena and its lifetime.

| | |
|---|---|
| kernel calls | ${model.steps?size} |
| multiply-accumulates | ${model.macs?c} |
| arena (peak) | ${model.arenaBytes?c} bytes |
| arena lower bound | ${model.lowerBound?c} bytes |
| constant data | ${model.weightBytes?c} bytes |

Inputs:
<#list model.inputs as io>
- `${io.name}`: ${io.dtype} ${io.shape}<#if io.quantized> (scale ${io.scaleDecimal}, zero point ${io.zeroPoint})</#if>
</#list>

Outputs:
<#list model.outputs as io>
- `${io.name}`: ${io.dtype} ${io.shape}<#if io.quantized> (scale ${io.scaleDecimal}, zero point ${io.zeroPoint})</#if>
</#list>
<#if model.floatNodes?has_content>

Nodes computed in float32 (no integer kernel): <#list model.floatNodes as n>`${n}`<#sep>, </#sep></#list>.
</#if>
