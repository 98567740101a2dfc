package dev.apisync.activities.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apisync.workflows.FieldLine;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A page's values for some lines: per record id, per line, the JSON value; or, for a record whose
 * value could not be computed, the reason (that record fails, the others go on).
 */
public final class LineValues {

  private final Map<Long, Map<FieldLine, JsonNode>> values = new HashMap<>();
  private final Map<Long, String> failures = new HashMap<>();

  public void put(long recordId, FieldLine line, JsonNode value) {
    values.computeIfAbsent(recordId, id -> new HashMap<>()).put(line, value);
  }

  public void fail(long recordId, String reason) {
    failures.putIfAbsent(recordId, reason);
  }

  Optional<JsonNode> value(long recordId, FieldLine line) {
    return Optional.ofNullable(values.getOrDefault(recordId, Map.of()).get(line));
  }

  Optional<String> failure(long recordId) {
    return Optional.ofNullable(failures.get(recordId));
  }
}
