package dev.tenax.bench;

import dev.tenax.frontend.ImportOptions;
import java.util.List;
import java.util.Map;

/**
 * Where each model of ../shared/models is and what its open dimensions are fixed to (batch 1;
 * the tiny scalar MLPs take 8 values at once, as in the test table).
 */
public final class BenchModels {
  private BenchModels() {}

  /** A model file and the import options that make its shapes static. */
  public record Entry(String folder, String file, Map<String, Long> dims, Map<String, int[]> inputShapes) {
    static Entry of(String folder, String file) {
      return new Entry(folder, file, Map.of(), Map.of());
    }

    Entry dims(String symbol, long value) {
      return new Entry(folder, file, Map.of(symbol, value), inputShapes);
    }

    public ImportOptions importOptions() {
      return ImportOptions.defaults().withDims(dims).withInputShapes(inputShapes);
    }
  }

  public static final List<Entry> ALL = List.of(
      Entry.of("burn-mnist-cnn", "mnist.onnx"),
      Entry.of("burn-pico-sine-mlp", "sine.onnx").dims("unk__6", 8),
      Entry.of("deepc-asl-gesture-mlp", "asl_model.onnx"),
      Entry.of("deepc-mnist-mlp", "mnist.onnx"),
      Entry.of("mlperf-tiny-ad-autoencoder-int8-qdq", "deep_autoencoder.onnx"),
      Entry.of("mlperf-tiny-ic-resnet8-float", "pretrainedResnet.onnx"),
      Entry.of("mlperf-tiny-ic-resnet8-int8-qdq", "resnet.onnx"),
      Entry.of("mlperf-tiny-kws-dscnn-int8-qdq", "kws_ref_model.onnx"),
      Entry.of("mlperf-tiny-open-alibaba-ad", "model_ad.onnx"),
      Entry.of("mlperf-tiny-open-alibaba-ic", "model_ic.onnx").dims("batch", 1),
      Entry.of("mlperf-tiny-open-alibaba-kws", "model_kws.onnx"),
      Entry.of("mlperf-tiny-open-alibaba-vww", "model_vww.onnx"),
      Entry.of("mlperf-tiny-vww-mobilenetv1-float", "vww_96_float.onnx"),
      Entry.of("mlperf-tiny-vww-mobilenetv1-int8-qdq", "mobilenet_v1.onnx"),
      Entry.of("mnist-14x14-cnn-atmega", "mnist.simplified.onnx"),
      Entry.of("mnist-mlp-batchnorm-pytorch", "pytorch.onnx"),
      Entry.of("onnx-mlir-mnist", "mnist.onnx"),
      new Entry("super-resolution-10", "super_resolution.onnx", Map.of(), Map.of("input", new int[] {1, 1, 224, 224})),
      Entry.of("tflm-hello-world-sine-mlp", "model.onnx").dims("N", 8),
      Entry.of("velardo-lesson9-mlp", "lesson9.onnx").dims("N", 8));
}
