package dev.apisync.activities.config;

import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import java.time.Instant;

/**
 * A sync config as stored: its id and timestamps besides the config itself.
 *
 * @param watermark the incremental watermark ({@link dev.apisync.workflows.WriteDates}), empty when
 *     never set: run state, not part of what the user edits
 */
public record StoredConfig(
    long id, SyncConfig config, Instant createdAt, Instant updatedAt, String watermark) {

  /** What a run needs of this config, without secrets or headers. */
  public ConfigSnapshot snapshot() {
    return new ConfigSnapshot(
        id,
        config.name(),
        config.model(),
        config.filterDomain(),
        config.requestUrl(),
        config.httpMethod(),
        config.connectTimeout(),
        config.readTimeout(),
        config.paginated(),
        config.pageSize(),
        config.limit(),
        config.retry(),
        config.lines().stream()
            .map(
                line ->
                    new FieldLine(
                        line.field(),
                        line.externalKey(),
                        line.valueType(),
                        line.isIdentifier(),
                        line.mappingConfig(),
                        line.expression()))
            .toList(),
        config.language(),
        config.enabled(),
        config.requestScript(),
        config.rateLimit(),
        config.concurrency(),
        config.maxFailureRatio(),
        config.scriptTimeout(),
        config.companyId() == null ? 0 : config.companyId(),
        config.companyRecordsOnly(),
        config.incremental(),
        watermark,
        config.outage());
  }
}
