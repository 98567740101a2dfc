package dev.apisync.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long request-log rows are kept (ISO-8601, e.g. {@code P30D}); the worker
 *     deletes older rows every hour
 */
@ConfigurationProperties("apisync.logs")
public record RequestLogProperties(@DefaultValue("P30D") Duration retention) {

  public RequestLogProperties {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException(
          "apisync.logs.retention must be a positive duration such as P30D, was " + retention);
    }
  }
}
