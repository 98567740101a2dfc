package dev.apisync.workflows;

import java.time.Duration;

/**
 * How a config's runs live through outages of their target.
 *
 * @param circuitThreshold failed requests in a row (no connection, or a 5xx) that open the target's
 *     circuit
 * @param circuitWindowSeconds the failures must fall within this many seconds; an older streak
 *     starts again
 * @param maxOutageMinutes how long a run waits for its target (or apisync's database) before it
 *     fails, its cursor kept for a retry
 */
public record OutageSettings(int circuitThreshold, int circuitWindowSeconds, int maxOutageMinutes) {

  /**
   * Three failures within a minute open the circuit: fewer than the default retry policy's five
   * attempts, so a target that goes down takes no record with it. A run waits up to a day.
   */
  public static final OutageSettings DEFAULTS = new OutageSettings(3, 60, 24 * 60);

  public Duration maxOutage() {
    return Duration.ofMinutes(maxOutageMinutes);
  }
}
