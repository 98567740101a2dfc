package dev.apisync.activities.script;

import java.time.Duration;

/**
 * How scripts run in this process.
 *
 * @param poolSize warm contexts kept; evaluations beyond it wait for one
 * @param defaultTimeout an evaluation's time limit when its config sets none (SPEC: 5 s)
 * @param maxAllocatedBytes what one evaluation (one record's lines, one request script) may
 *     allocate before it is stopped; 0 for no limit
 * @param acquireTimeout how long an evaluation waits for a free context before failing (retryably)
 */
public record ScriptSettings(
    int poolSize, Duration defaultTimeout, long maxAllocatedBytes, Duration acquireTimeout) {

  public static final ScriptSettings DEFAULTS =
      new ScriptSettings(4, Duration.ofSeconds(5), 512L << 20, Duration.ofMinutes(1));

  public ScriptSettings {
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
    }
  }

  public ScriptSettings withPoolSize(int size) {
    return new ScriptSettings(size, defaultTimeout, maxAllocatedBytes, acquireTimeout);
  }
}
