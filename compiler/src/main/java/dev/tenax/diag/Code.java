package dev.tenax.diag;

/**
 * Stable diagnostic codes. The code strings never change meaning once released;
 * {@code docs/diagnostics.md} is generated from this list (see {@link DiagnosticsDoc}).
 */
public enum Code {
  TX001("file cannot be read", "The path does not exist, is a directory or cannot be read.",
      "Check the path and its permissions."),
  TX002("not an ONNX model", "The file is not a valid ONNX ModelProto: it is truncated, corrupted, "
      + "empty, or another kind of file.", "Re-export the model, or check that the download completed."),
  TX003("external data not supported", "A tensor keeps its data in a separate file (ONNX external data).",
      "Re-save the model with all tensors embedded, e.g. onnx.save(model, path, save_as_external_data=False)."),
  TX004("model has no graph", "The ModelProto has no graph, or the graph has no outputs.",
      "Re-export the model."),
  TX010("unsupported operator", "No Tenax operator implements this op type in this domain.",
      "Replace the operator in the source model, or open an issue naming the op and opset."),
  TX011("unsupported opset", "The operator exists, but not for the opset version the model imports.",
      "Re-export the model with a supported opset (the message gives the range)."),
  TX012("control flow not supported", "If, Loop and Scan (graph-valued attributes) cannot be compiled "
      + "ahead of time for a microcontroller.", "Unroll the loop or pick one branch when exporting."),
  TX020("unsupported element type", "A tensor uses an element type Tenax does not compute with "
      + "(float16, float64, bfloat16, string, uint64, complex, float8, int4 ...).",
      "Convert the model to float32 (or int8/uint8 QDQ) before compiling."),
  TX021("unsupported value kind", "A graph input or output is a sequence, map, optional or sparse tensor.",
      "Export the model with plain tensor inputs and outputs."),
  TX030("dynamic dimension", "A graph input has a symbolic or unknown dimension and no value was given.",
      "Pass --input-shape NAME=1,3,96,96 or --dim SYMBOL=VALUE."),
  TX031("bad shape option", "An --input-shape, --dim or --const-inputs option names an input or "
      + "symbol that the model does not have, or gives a shape of the wrong rank.",
      "Run 'tenax inspect' to list the inputs and their shapes."),
  TX040("unsupported attribute value", "An attribute has a value Tenax does not implement.",
      "Change the attribute in the source model; the message says which values are supported."),
  TX041("missing input or attribute", "A required input or attribute is absent.",
      "Check the node against the ONNX operator specification."),
  TX050("inconsistent shapes", "The node's input shapes or element types do not fit together.",
      "Check the exported model; the message gives the shapes involved."),
  TX051("operand must be constant", "A shape-like operand (e.g. Reshape's shape, Pad's pads) is computed "
      + "at run time from a graph input, so output shapes cannot be known ahead of time.",
      "Make the operand an initializer, or bind the input with --const-inputs."),
  TX060("malformed graph", "A value is used but never produced, produced twice, or nodes form a cycle.",
      "Re-export the model; run onnx.checker.check_model on it."),
  TX070("internal error", "Tenax failed unexpectedly while processing this node.",
      "Please report it with the model attached."),
  TX080("no kernel for node", "The node has neither an integer kernel for its quantized operands "
      + "nor a float32 fallback kernel, so it cannot be compiled to C.",
      "Quantize the node's inputs and output (QDQ), or replace the operator; the message names what is missing."),
  TX081("unsupported quantization", "A quantized tensor uses a scheme the int8 kernels do not implement "
      + "(per-channel activations, weights with a non-zero zero point, a non-int8 zero point...).",
      "Re-quantize the model with 'tenax quantize', which produces the supported scheme."),
  TX090("model does not fit the target", "The model's weights and code exceed the target's flash, or its "
      + "activations, inputs, outputs and stack exceed the target's SRAM.",
      "Pick a target with more memory, or a smaller model; the message gives the numbers."),
  TX091("model cannot make progress on one charge", "An intermittent build splits every kernel call into tiles "
      + "that each finish, with a reboot and a progress commit, on one charge of the capacitor; some call cannot be "
      + "split that far, so the device would never get past it.",
      "Use a larger capacitor (the message gives the smallest that works) or a wider voltage window.");

  private final String title;
  private final String explanation;
  private final String defaultHint;

  Code(String title, String explanation, String defaultHint) {
    this.title = title;
    this.explanation = explanation;
    this.defaultHint = defaultHint;
  }

  public String title() {
    return title;
  }

  public String explanation() {
    return explanation;
  }

  public String defaultHint() {
    return defaultHint;
  }
}
