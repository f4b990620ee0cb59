package dev.tenax.plan;

/**
 * Two buffers that may share bytes although they are live together: a call that reads
 * {@code input} for the last time in row tiles and writes {@code output} row by row can put its
 * output over the input rows it no longer needs. Run in order, the tiles only ever overwrite rows
 * behind them when the output starts at least {@code below} bytes under the input; run in reverse
 * order, when it starts at least {@code above} bytes over it. Either way the two may also sit
 * apart, as any two live buffers.
 *
 * @param below the least distance from the output's start up to the input's for tiles in order
 *     (at most the output's size)
 * @param above the least distance from the input's start up to the output's for tiles in reverse
 *     order (at most the input's size)
 */
public record SharedBytes(String input, String output, long below, long above) {
  public SharedBytes {
    if (input == null || output == null || input.equals(output)) {
      throw new IllegalArgumentException("two different buffers share bytes, not " + input + " and " + output);
    }
    if (below < 0 || above < 0) {
      throw new IllegalArgumentException("distances must be >= 0, got " + below + " and " + above);
    }
  }

  /** True when the output at {@code outputOffset} sits far enough under the input for tiles in order. */
  public boolean forward(long inputOffset, long outputOffset) {
    return outputOffset + below <= inputOffset;
  }
}
