package dev.tenax.calib;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.Tensor;
import java.io.Closeable;

/**
 * Raw calibration samples from one place (a stacked .npy, a folder of tensor files, an IDX
 * file), in their stored element type and shape. Opening a source reads headers only;
 * sample data is read one sample at a time by a {@link Reader}.
 */
public interface SampleSource {
  /** How many samples the source holds. */
  int count();

  /** The shape every sample has, or null when samples are read from separate files. */
  int[] sampleShape();

  /** Where the samples come from, for messages. */
  String describe();

  /** Reads samples {@code start, start+1, ...} in order; the caller closes it. */
  Reader open(int start) throws UsageException;

  /** A sequential reader; each {@link #next} returns the following sample. */
  interface Reader extends Closeable {
    Tensor next() throws UsageException;

    @Override
    void close();
  }
}
