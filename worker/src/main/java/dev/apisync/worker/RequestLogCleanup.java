package dev.apisync.worker;

import dev.apisync.activities.requestlog.RequestLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the request log to {@code apisync.logs.retention}: every hour, deletes older rows in
 * batches of {@value RequestLog#DELETE_BATCH}. Every worker runs it; batches skip rows another
 * worker is deleting, so they share the work instead of waiting on each other.
 */
public class RequestLogCleanup {

  private static final Logger log = LoggerFactory.getLogger(RequestLogCleanup.class);

  private final RequestLog requestLog;
  private final Duration retention;
  private final Clock clock;

  public RequestLogCleanup(RequestLog requestLog, Duration retention, Clock clock) {
    this.requestLog = requestLog;
    this.retention = retention;
    this.clock = clock;
  }

  /**
   * Deletes the rows older than the retention.
   *
   * @return how many
   */
  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
  public long deleteExpired() {
    Instant cutoff = clock.instant().minus(retention);
    try {
      long deleted = requestLog.deleteOlderThan(cutoff);
      if (deleted > 0) {
        log.info("request log: deleted {} rows older than {} ({})", deleted, retention, cutoff);
      }
      return deleted;
    } catch (RuntimeException e) {
      // The next run tries again; a scheduler thread that throws only logs it less clearly.
      log.warn("request log: cannot delete rows older than {}: {}", cutoff, e.toString());
      return 0;
    }
  }
}
