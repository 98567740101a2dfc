package dev.apisync.activities.wiring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Record events (SPEC §8): the connection that writes to the source database (installing triggers,
 * the outbox, claiming events) and the dispatcher's timing. Writing never goes through the record
 * reader's pool ({@code apisync.source}), which may be read-only.
 *
 * @param url the source database for event objects; empty for {@code apisync.source.url}
 * @param username empty for {@code apisync.source.username} (with its password)
 * @param password used with an explicit {@code username}
 * @param window how long the dispatcher lets a config's events gather before it claims them as one
 *     run (default 300 ms)
 * @param pollInterval the longest the dispatcher waits without a NOTIFY before it looks at the
 *     outbox again (default 1 s)
 * @param maxBatchRecords distinct records per event run (default 500)
 * @param dispatcher whether this worker runs the dispatcher (default true)
 */
@ConfigurationProperties("apisync.events")
public record EventsProperties(
    @DefaultValue("") String url,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("300ms") Duration window,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("500") int maxBatchRecords,
    @DefaultValue("true") boolean dispatcher) {

  public EventsProperties {
    if (maxBatchRecords < 1) {
      throw new IllegalArgumentException(
          "apisync.events.max-batch-records must be at least 1, was " + maxBatchRecords);
    }
  }
}
