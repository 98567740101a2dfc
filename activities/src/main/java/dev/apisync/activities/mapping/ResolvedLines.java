package dev.apisync.activities.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.ValueType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A config's lines resolved for a set of records, each kind of line by its {@link LineResolver} in
 * one go; {@link #object} then assembles one record's JSON object in line order. Used for the
 * records of a page and, by {@link RelationalLineResolver}, for their related records.
 */
final class ResolvedLines {

  private final List<FieldLine> lines;
  private final Map<ValueType, LineValues> values;

  private ResolvedLines(List<FieldLine> lines, Map<ValueType, LineValues> values) {
    this.lines = lines;
    this.values = values;
  }

  /** The resolvers by the value type each handles; a later one replaces an earlier one. */
  static Map<ValueType, LineResolver> byType(Collection<? extends LineResolver> resolvers) {
    Map<ValueType, LineResolver> byType = new EnumMap<>(ValueType.class);
    resolvers.forEach(resolver -> byType.put(resolver.handles(), resolver));
    return byType;
  }

  /**
   * @param recordIds ascending, all present in the config's model
   */
  static ResolvedLines resolve(
      Map<ValueType, LineResolver> resolvers, ConfigSnapshot config, List<Long> recordIds) {
    Map<ValueType, LineValues> resolved = new EnumMap<>(ValueType.class);
    for (ValueType type : ValueType.values()) {
      List<FieldLine> lines =
          config.lines().stream().filter(line -> line.valueType() == type).toList();
      if (lines.isEmpty()) {
        continue;
      }
      LineResolver resolver = resolvers.get(type);
      resolved.put(
          type,
          resolver == null
              ? unsupported(type, recordIds)
              : resolver.resolve(config, lines, recordIds));
    }
    return new ResolvedLines(config.lines(), resolved);
  }

  /**
   * @throws MappingException when a line's value could not be computed for this record, or two
   *     lines' external keys collide
   */
  ObjectNode object(long recordId) {
    JsonDocument document = new JsonDocument();
    for (FieldLine line : lines) {
      LineValues lineValues = values.get(line.valueType());
      Optional<String> failure = lineValues.failure(recordId);
      if (failure.isPresent()) {
        throw new MappingException(failure.get());
      }
      JsonNode value = lineValues.value(recordId, line).orElse(JsonValues.NODES.nullNode());
      document.put(line.externalKey(), value);
    }
    return document.root();
  }

  private static LineValues unsupported(ValueType type, List<Long> recordIds) {
    LineValues values = new LineValues();
    recordIds.forEach(
        id -> values.fail(id, "valueType '" + type.jsonName() + "' is not supported yet"));
    return values;
  }
}
