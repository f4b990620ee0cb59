package dev.tenax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.hostrun.FirmwareProfile.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tenax bench's per-call lines, and a line for each layer that ran as several calls (tiles). */
class BenchLayerLinesTest {
  @Test
  void tilesOfOneLayerAreSummedBelowThem() {
    String text = BenchCommand.layerLines(List.of(
        new Layer(0, "tx_quantize_f32_s8", "q", 0, 300),
        new Layer(1, "tx_depthwise_conv2d_s8", "dw", 100, 250),
        new Layer(2, "tx_depthwise_conv2d_s8", "dw", 60, 150),
        new Layer(3, "tx_conv2d_s8", "pw", 400, 420),
        new Layer(4, "tx_dequantize_s8_f32", "out", 0, 20),
        new Layer(5, "tx_softmax_f32", "out", 0, 80)));
    List<String> lines = text.lines().toList();
    assertEquals(7, lines.size(), text);
    assertEquals("1-2  tx_depthwise_conv2d_s8              160            400      2.50  dw (the 2 calls above)",
        lines.get(3));
    assertEquals("3    tx_conv2d_s8                        400            420      1.05  pw", lines.get(4));
  }
}
