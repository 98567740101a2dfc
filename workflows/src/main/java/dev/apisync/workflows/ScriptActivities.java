package dev.apisync.workflows;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Runs a config's Python request script (SPEC §5) between mapping and sending. */
@ActivityInterface
public interface ScriptActivities {

  /**
   * Runs {@code config.requestScript()} once for one request's records, with {@code request_data}
   * the mapped payload (an object, or an array when {@code asArray}).
   *
   * @return the JSON text that replaces the request's body: the script's {@code result}, or the
   *     mapped payload when the script sets none
   * @throws io.temporal.failure.ApplicationFailure non-retryable, type {@link
   *     FailureTypes#SCRIPT_ERROR}, with the Python message and traceback, when the script raises
   *     or exceeds its time limit
   */
  String applyRequestScript(ConfigSnapshot config, List<MappedRecord> records, boolean asArray);
}
