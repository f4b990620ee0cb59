package dev.tenax.energy;

/**
 * A source of charging current into the storage capacitor. The current may depend on the
 * capacitor's voltage (a Thevenin source or a PV cell delivers less as the capacitor fills),
 * which is why the simulator asks at every step instead of reading a power figure once.
 */
public interface Harvester {
  /** Amperes into the capacitor at {@code t} seconds when it sits at {@code volts}; never negative. */
  double current(double t, double volts);

  /** One line for reports: what the harvester is and its parameters. */
  String describe();

  /** The trace's sample interval: the simulator never steps over more than one sample. */
  double sampleSeconds();

  /** Whether a trace with the stop end mode has run out at {@code t}. */
  default boolean ended(double t) {
    return false;
  }

  /** Seconds after which the harvest repeats itself (a looped trace); infinite when it does not. */
  default double periodSeconds() {
    return Double.POSITIVE_INFINITY;
  }
}
