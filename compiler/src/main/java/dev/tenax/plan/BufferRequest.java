package dev.tenax.plan;

/**
 * One intermediate tensor that needs space in the arena: its size, its alignment, and the steps
 * (inclusive) from the kernel that writes it first to the kernel that reads it last.
 */
public record BufferRequest(String name, long bytes, int alignment, int firstStep, int lastStep) {
  public BufferRequest {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("buffer name must not be null or empty");
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("buffer '" + name + "': bytes must be >= 0, got " + bytes);
    }
    if (alignment < 1 || Integer.bitCount(alignment) != 1) {
      throw new IllegalArgumentException(
          "buffer '" + name + "': alignment must be a power of two >= 1, got " + alignment);
    }
    if (firstStep < 0 || lastStep < firstStep) {
      throw new IllegalArgumentException("buffer '" + name + "': lifetime must satisfy 0 <= firstStep <= lastStep, got ["
          + firstStep + ", " + lastStep + "]");
    }
  }

  /**
   * The space the buffer really takes: rounded up to its alignment, so that the next buffer placed
   * above it with the same alignment needs no gap and the peak lower bound stays a true bound.
   */
  public long paddedBytes() {
    return alignUp(bytes, alignment);
  }

  /** True when both buffers are live at some common step, so they may not share memory. */
  public boolean livesWith(BufferRequest other) {
    return firstStep <= other.lastStep && other.firstStep <= lastStep;
  }

  static long alignUp(long value, long alignment) {
    return Math.addExact(value, alignment - 1) & -alignment;
  }
}
