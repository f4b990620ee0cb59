{
  "generator": "Tenax ${model.version}",
  "model": "${model.modelFile?json_string}",
  "model_sha256": "${model.sha256}",
  "target": "${model.target}",
  "name": "${model.name}",
  "entry_point": "${model.name}_invoke",
  "intermittent": ${(model.fingerprint != "")?c},
<#if model.fingerprint != "">
  "commits_per_inference": ${model.calls.commits()?c},
</#if>
  "arena": {"bytes": ${model.arenaBytes?c}, "alignment": ${model.arenaAlign?c}, "lower_bound": ${model.lowerBound?c}},
  "weights": {"bytes": ${model.weightBytes?c}},
  "macs": ${model.macs?c},
  "inputs": [
<#list model.inputs as io>
    {"name": "${io.name?json_string}", "dtype": "${io.dtype}", "shape": [<#list io.dims as d>${d?c}<#sep>, </#sep></#list>]<#if io.layout != "">, "layout": "nhwc"</#if><#if io.quantized>, "scale": ${io.scaleDecimal}, "zero_point": ${io.zeroPoint?c}</#if>}<#sep>,</#sep>
</#list>
  ],
  "outputs": [
<#list model.outputs as io>
    {"name": "${io.name?json_string}", "dtype": "${io.dtype}", "shape": [<#list io.dims as d>${d?c}<#sep>, </#sep></#list>]<#if io.quantized>, "scale": ${io.scaleDecimal}, "zero_point": ${io.zeroPoint?c}</#if>}<#sep>,</#sep>
</#list>
  ],
  "steps": [
<#list model.steps as s>
    {"index": ${s.index?c}, "kernel": "${s.kernel}", "node": "${s.node?json_string}", "macs": ${s.macs?c}, "elements": ${s.elements?c}}<#sep>,</#sep>
</#list>
  ],
  "float_fallback_nodes": [<#list model.floatNodes as n>"${n?json_string}"<#sep>, </#sep></#list>],
  "buffers": [
<#list model.buffers as b>
    {"name": "${b.name?json_string}", "kind": "${b.kind}", "offset": ${b.offset?c}, "bytes": ${b.bytes?c}, "dtype": "${b.dtype}", "first_step": ${b.firstStep?c}, "last_step": ${b.lastStep?c}<#if b.quant != "">, "quantization": "${b.quant}"</#if>}<#sep>,</#sep>
</#list>
  ]
}
