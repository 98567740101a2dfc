package dev.apisync.workflows;

import java.util.List;

/**
 * What a run needs of its sync config, frozen when the run starts. It holds no secret and no header
 * value: the HTTP activity fetches those by config id at send time, so they never enter history.
 *
 * @param limit cap on records per run, 0 for none
 * @param language the language whose text translatable (jsonb) columns yield, e.g. {@code en_US}
 * @param requestScript Python run once per request after mapping, empty for none
 * @param rateLimit requests per second toward the target, 0 for no limit
 * @param concurrency requests in flight per run
 * @param maxFailureRatio a run whose failed share of records exceeds this ends FAILED; 1 for never
 * @param scriptTimeoutSeconds the time limit of one evaluation of the config's Python (a request
 *     script run, one record's python lines), 0 for the worker's default
 * @param companyId the Odoo company whose company-dependent values are read, 0 for the source's
 *     main company
 * @param companyRecordsOnly only records of that company (or of none) are synced
 * @param incremental runs send only records whose {@code write_date} is after {@code watermark}
 * @param watermark the config's incremental watermark when the snapshot was taken, as {@link
 *     WriteDates} writes it; empty when it was never set (the next incremental run sends
 *     everything)
 * @param outage the circuit around the target and how long a run waits through an outage; {@link
 *     OutageSettings#DEFAULTS} in snapshots recorded before it existed
 */
public record ConfigSnapshot(
    long id,
    String name,
    String model,
    String filterDomain,
    String requestUrl,
    HttpMethod httpMethod,
    int connectTimeoutSeconds,
    int readTimeoutSeconds,
    boolean paginated,
    int pageSize,
    int limit,
    RetrySettings retry,
    List<FieldLine> lines,
    String language,
    boolean enabled,
    String requestScript,
    double rateLimit,
    int concurrency,
    double maxFailureRatio,
    int scriptTimeoutSeconds,
    long companyId,
    boolean companyRecordsOnly,
    boolean incremental,
    String watermark,
    OutageSettings outage) {

  /**
   * Odoo's base language: untranslated text is stored in it, translatable columns always hold it,
   * and a config reads it unless it names another.
   */
  public static final String DEFAULT_LANGUAGE = "en_US";

  public ConfigSnapshot {
    lines = List.copyOf(lines);
    // Absent in snapshots recorded before incremental sync existed.
    watermark = watermark == null ? "" : watermark;
    outage = outage == null ? OutageSettings.DEFAULTS : outage;
  }
}
