package dev.apisync.activities.wiring;

import dev.apisync.activities.script.ScriptSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Python scripts in this app ({@code apisync.scripts.*}).
 *
 * @param poolSize warm GraalPy contexts (default 4)
 * @param defaultTimeout an evaluation's time limit when its config sets none (default 5 s)
 * @param maxAllocationMb what one evaluation may allocate before it is stopped (default 512)
 * @param acquireTimeout how long an evaluation waits for a free context (default 1 min)
 * @param warmUp {@code blocking} (the app starts once the pool is warm: the worker), {@code
 *     background} (the API), or {@code none}
 */
@ConfigurationProperties("apisync.scripts")
public record ScriptProperties(
    Integer poolSize,
    Duration defaultTimeout,
    Integer maxAllocationMb,
    Duration acquireTimeout,
    WarmUp warmUp) {

  /** When the pool's contexts are created. */
  public enum WarmUp {
    BLOCKING,
    BACKGROUND,
    NONE
  }

  public ScriptProperties {
    ScriptSettings defaults = ScriptSettings.DEFAULTS;
    poolSize = poolSize == null ? defaults.poolSize() : poolSize;
    defaultTimeout = defaultTimeout == null ? defaults.defaultTimeout() : defaultTimeout;
    maxAllocationMb =
        maxAllocationMb == null ? (int) (defaults.maxAllocatedBytes() >> 20) : maxAllocationMb;
    acquireTimeout = acquireTimeout == null ? defaults.acquireTimeout() : acquireTimeout;
    warmUp = warmUp == null ? WarmUp.BACKGROUND : warmUp;
  }

  public ScriptSettings toSettings() {
    return new ScriptSettings(
        poolSize, defaultTimeout, (long) maxAllocationMb << 20, acquireTimeout);
  }
}
