package dev.apisync.workflows;

import java.util.List;

/**
 * One HTTP request to send: a single record's object, or a page's records as an array.
 *
 * @param asArray true for a paginated config (body is a JSON array of all records)
 * @param scriptedBody the request script's result, which replaces the mapped body; empty when the
 *     config has no request script
 * @param priorAttempts attempts made before this activity's first (by a slice), so the request log
 *     numbers them on and the retry policy counts them
 */
public record DeliveryRequest(
    ConfigSnapshot config,
    List<MappedRecord> records,
    boolean asArray,
    String scriptedBody,
    int priorAttempts) {

  /**
   * Mapped JSON a paginated request carries at most (a page is cut into several requests beyond
   * it), so that a request retried through history stays far below Temporal's 2 MB payload limit.
   */
  public static final long MAX_RECORD_BYTES = 512 * 1024;

  public DeliveryRequest {
    records = List.copyOf(records);
    scriptedBody = scriptedBody == null ? "" : scriptedBody;
  }

  public DeliveryRequest(ConfigSnapshot config, List<MappedRecord> records, boolean asArray) {
    this(config, records, asArray, "", 0);
  }

  public DeliveryRequest withScriptedBody(String body) {
    return new DeliveryRequest(config, records, asArray, body, priorAttempts);
  }

  /**
   * The request with the config's request script applied to its records (itself when the config has
   * none): the one place both a slice and the workflow's retries run it.
   *
   * @throws io.temporal.failure.ApplicationFailure (through an activity stub, an {@code
   *     ActivityFailure}) when the script raises, as {@link ScriptActivities#applyRequestScript}
   */
  public DeliveryRequest scriptedBy(ScriptActivities scripts) {
    if (config.requestScript().isEmpty()) {
      return this;
    }
    return withScriptedBody(scripts.applyRequestScript(config, records, asArray));
  }

  /** The request a slice tried {@code unfinished.attempts()} times already. */
  public static DeliveryRequest retrying(ConfigSnapshot config, UnfinishedRequest unfinished) {
    return new DeliveryRequest(
        config,
        unfinished.records(),
        unfinished.asArray(),
        unfinished.scriptedBody(),
        unfinished.attempts());
  }

  public List<Long> recordIds() {
    return records.stream().map(MappedRecord::recordId).toList();
  }
}
