package dev.tenax.lower;

/**
 * How the caller lays out the compiled model's rank-4 inputs. {@link #MODEL}: as the ONNX model
 * declares them (usually NCHW). {@link #NHWC}: an [N, C, H, W] input is passed channels last, as
 * [N, H, W, C] (a camera's interleaved pixels, TFLite's layout); the kernels read it in place, so
 * the transpose into the convolutions' layout that an NCHW input needs is gone.
 */
public enum InputLayout {
  MODEL,
  NHWC;

  /** The --input-layout value: model or nhwc; a usage error names both. */
  public static InputLayout parse(String text) throws dev.tenax.diag.UsageException {
    return switch (text) {
      case "model" -> MODEL;
      case "nhwc" -> NHWC;
      default -> throw new dev.tenax.diag.UsageException("--input-layout " + text + ": use model (the inputs as "
          + "the ONNX model declares them, the default) or nhwc (an [N,C,H,W] input passed as [N,H,W,C])");
    };
  }
}
