package dev.tenax.models;

import dev.tenax.models.ModelSpec.Input;
import java.util.List;
import java.util.Map;

/**
 * The per-model table for ../shared/models (see its README.md and each SOURCE.txt). Symbolic
 * batch dimensions are fixed to 1, except the three tiny scalar MLPs, which take 8 samples
 * at once so one run covers several points of their input range. Pseudo-random input ranges
 * follow what the model expects: [0, 1] for images and digits unless the model says otherwise,
 * and for the int8 QDQ models the range representable by the QuantizeLinear on the input.
 *
 * <p>Tolerances: all Tolerance.FLOAT32 for now. A model whose float32 summation order
 * legitimately differs from ONNX Runtime's may get a looser entry (never beyond rtol 1e-3,
 * atol 1e-4; ModelSpec enforces it) via {@code withTolerance(t, "one-line reason")}.
 */
public final class SharedModels {
  private SharedModels() {}

  private static final Input IMAGE = new Input.Uniform(0, 1, false);

  public static final List<ModelSpec> ALL = List.of(
      ModelSpec.of("burn-mnist-cnn", "mnist.onnx", IMAGE),
      // Sine approximators: inputs over one period.
      ModelSpec.of("burn-pico-sine-mlp", "sine.onnx", new Input.Uniform(0, 2 * Math.PI, false))
          .withDims(Map.of("unk__6", 8L)),
      ModelSpec.of("deepc-asl-gesture-mlp", "asl_model.onnx", new Input.Text("sample_input_gesture.data")),
      ModelSpec.of("deepc-mnist-mlp", "mnist.onnx", new Input.Text("sample_input_image.txt")),
      // Input QuantizeLinear: scale 0.3177, zero point 106 -> [-74.3, 6.7] (log-mel energies).
      ModelSpec.of("mlperf-tiny-ad-autoencoder-int8-qdq", "deep_autoencoder.onnx", new Input.Uniform(-74, 6, false)),
      ModelSpec.of("mlperf-tiny-ic-resnet8-float", "pretrainedResnet.onnx", IMAGE),
      // Input QuantizeLinear (after the NHWC->NCHW Transpose): scale 1, zero point -128 -> pixels 0..255.
      ModelSpec.of("mlperf-tiny-ic-resnet8-int8-qdq", "resnet.onnx", new Input.Uniform(0, 255, true)),
      // Input QuantizeLinear (after the Reshape): scale 0.9766, zero point 3 -> [-127.9, 121.1] (MFCCs).
      ModelSpec.of("mlperf-tiny-kws-dscnn-int8-qdq", "kws_ref_model.onnx", new Input.Uniform(-127, 121, false)),
      ModelSpec.of("mlperf-tiny-open-alibaba-ad", "model_ad.onnx", new Input.Npz("sample_input.npz", "actual_input_1")),
      ModelSpec.of("mlperf-tiny-open-alibaba-ic", "model_ic.onnx", IMAGE).withDims(Map.of("batch", 1L)),
      // The npz key x_0 stands for the graph input x:0.
      ModelSpec.of("mlperf-tiny-open-alibaba-kws", "model_kws.onnx", new Input.Npz("sample_input.npz", "x_0")),
      ModelSpec.of("mlperf-tiny-open-alibaba-vww", "model_vww.onnx", IMAGE),
      ModelSpec.of("mlperf-tiny-vww-mobilenetv1-float", "vww_96_float.onnx", IMAGE),
      // Input QuantizeLinear: scale 0.01602, zero point -15 -> [-1.81, 2.28].
      ModelSpec.of("mlperf-tiny-vww-mobilenetv1-int8-qdq", "mobilenet_v1.onnx", new Input.Uniform(-1.8, 2.2, false)),
      ModelSpec.of("mnist-14x14-cnn-atmega", "mnist.simplified.onnx", IMAGE),
      ModelSpec.of("mnist-mlp-batchnorm-pytorch", "pytorch.onnx", IMAGE),
      ModelSpec.of("onnx-mlir-mnist", "mnist.onnx", IMAGE),
      // input_0.pb is stored as [224, 224]; it is reshaped to the import shape.
      ModelSpec.of("super-resolution-10", "super_resolution.onnx", new Input.TestDataSet())
          .withInputShapes(Map.of("input", new int[] {1, 1, 224, 224})),
      ModelSpec.of("tflm-hello-world-sine-mlp", "model.onnx", new Input.Uniform(0, 2 * Math.PI, false))
          .withDims(Map.of("N", 8L)),
      // Trained to add two numbers in [0, 0.5).
      ModelSpec.of("velardo-lesson9-mlp", "lesson9.onnx", new Input.Uniform(0, 0.5, false))
          .withDims(Map.of("N", 8L)));
}
