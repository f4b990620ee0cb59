package dev.tenax.target;

import java.util.List;

/**
 * What a build puts in code memory besides the weights, for the fit check: the generated model
 * source's calls, call tables and parameter structs (codegen.GeneratedCodeSize, which grows with
 * an intermittent build's tiles and their run-time parts), and the runtime sources it compiles
 * (file names such as {@code tx_conv2d_s8.c}), whose measured sizes an MSP430 check adds up
 * ({@link Msp430CodeSize}). {@link #NONE} falls back to the code budgets.
 */
public record FirmwareCode(long generatedBytes, List<String> runtimeSources) {
  public static final FirmwareCode NONE = new FirmwareCode(0, List.of());

  public FirmwareCode {
    runtimeSources = List.copyOf(runtimeSources);
  }
}
