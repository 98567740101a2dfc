package dev.apisync.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param retention how long request-log rows are kept (ISO-8601, e.g. {@code P30D}); the worker
 *     deletes older rows every hour
 * @param responseBytes how much of each answer a request-log row keeps (default 4KB); a longer one
 *     is cut and marked {@code [truncated at N bytes]}
 */
@ConfigurationProperties("apisync.logs")
public record RequestLogProperties(
    @DefaultValue("P30D") Duration retention, @DefaultValue("4KB") DataSize responseBytes) {

  /** A row is no place for whole answers: 1 MiB is far above any error message worth reading. */
  private static final DataSize MAX_RESPONSE_BYTES = DataSize.ofMegabytes(1);

  public RequestLogProperties {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException(
          "apisync.logs.retention must be a positive duration such as P30D, was " + retention);
    }
    if (responseBytes.isNegative() || responseBytes.compareTo(MAX_RESPONSE_BYTES) > 0) {
      throw new IllegalArgumentException(
          "apisync.logs.response-bytes must be between 0 and 1MB, was " + responseBytes);
    }
  }
}
