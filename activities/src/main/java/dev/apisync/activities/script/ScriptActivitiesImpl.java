package dev.apisync.activities.script;

import dev.apisync.activities.heartbeats.Heartbeats;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.ScriptActivities;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request-script activity: a config's {@code requestScript} once per request, after mapping,
 * with {@code request_data} the mapped payload and {@code records} the request's records. A script
 * that raises or exceeds its limits fails the request's records, not retried.
 */
public class ScriptActivitiesImpl implements ScriptActivities {

  private static final Logger log = LoggerFactory.getLogger(ScriptActivitiesImpl.class);

  private final PythonScripts scripts;
  private final ScriptSource source;
  private final Clock clock;

  public ScriptActivitiesImpl(PythonScripts scripts, ScriptSource source) {
    this(scripts, source, Clock.systemUTC());
  }

  /**
   * @param clock what {@code datetime.now()} answers in request scripts
   */
  public ScriptActivitiesImpl(PythonScripts scripts, ScriptSource source, Clock clock) {
    this.scripts = scripts;
    this.source = source;
    this.clock = clock;
  }

  @Override
  public String applyRequestScript(
      ConfigSnapshot config, List<MappedRecord> records, boolean asArray) {
    return Heartbeats.during(() -> scripted(config, records, asArray));
  }

  private String scripted(ConfigSnapshot config, List<MappedRecord> records, boolean asArray) {
    String payload =
        asArray
            ? records.stream().map(MappedRecord::json).collect(Collectors.joining(",", "[", "]"))
            : records.getFirst().json();
    if (config.requestScript().isBlank()) {
      return payload;
    }
    List<Long> ids = records.stream().map(MappedRecord::recordId).toList();
    try {
      return scripts
          .runRequestScript(
              config.id(),
              config.model(),
              ids,
              config.requestScript(),
              payload,
              clock.instant(),
              scripts.limit(config.scriptTimeoutSeconds()),
              source,
              config.language())
          .orElse(payload);
    } catch (ScriptException e) {
      String reason = e.describe("requestScript");
      log.warn("Request script of config {} failed for records {}: {}", config.id(), ids, reason);
      throw ApplicationFailure.newNonRetryableFailure(reason, FailureTypes.SCRIPT_ERROR);
    }
  }
}
