package dev.apisync.activities.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.ValueType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a page of records to JSON objects with the config's lines: each kind of line is resolved for
 * the whole page by its {@link LineResolver}, then one object per record is assembled in line
 * order, in id order.
 */
public class RecordMapper {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private final RecordReader reader;
  private final Map<ValueType, LineResolver> resolvers = new EnumMap<>(ValueType.class);

  public RecordMapper(RecordReader reader, List<LineResolver> resolvers) {
    this.reader = reader;
    resolvers.forEach(resolver -> this.resolvers.put(resolver.handles(), resolver));
  }

  public MappedPage map(ConfigSnapshot config, List<Long> recordIds) {
    Set<Long> existing = reader.read(config.model(), recordIds, List.of("id"), "en_US").keySet();
    List<Long> present = recordIds.stream().filter(existing::contains).toList();
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
          resolver == null ? unsupported(type, present) : resolver.resolve(config, lines, present));
    }
    List<MappedRecord> mapped = new ArrayList<>();
    List<RecordFailure> failures = new ArrayList<>();
    for (long id : recordIds) {
      if (!existing.contains(id)) {
        failures.add(new RecordFailure(id, "record no longer exists in " + config.model(), 0));
        continue;
      }
      try {
        mapped.add(new MappedRecord(id, assemble(config.lines(), resolved, id)));
      } catch (MappingException e) {
        failures.add(new RecordFailure(id, e.getMessage(), 0));
      }
    }
    return new MappedPage(mapped, failures);
  }

  private static String assemble(
      List<FieldLine> lines, Map<ValueType, LineValues> resolved, long id) {
    JsonDocument document = new JsonDocument();
    for (FieldLine line : lines) {
      LineValues values = resolved.get(line.valueType());
      Optional<String> failure = values.failure(id);
      if (failure.isPresent()) {
        throw new MappingException(failure.get());
      }
      JsonNode value = values.value(id, line).orElse(JsonValues.NODES.nullNode());
      document.put(line.externalKey(), value);
    }
    try {
      return JSON.writeValueAsString(document.root());
    } catch (JsonProcessingException e) {
      throw new MappingException("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  private static LineValues unsupported(ValueType type, List<Long> recordIds) {
    LineValues values = new LineValues();
    recordIds.forEach(
        id -> values.fail(id, "valueType '" + type.jsonName() + "' is not supported yet"));
    return values;
  }
}
