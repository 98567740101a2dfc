package dev.apisync.activities.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps a page of records to JSON objects with the config's lines: one source query for the whole
 * page, then one object per record in id order.
 */
public class RecordMapper {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private final RecordReader reader;

  public RecordMapper(RecordReader reader) {
    this.reader = reader;
  }

  public MappedPage map(ConfigSnapshot config, List<Long> recordIds) {
    List<FieldLine> unsupported =
        config.lines().stream().filter(line -> line.valueType() != ValueType.PLAIN).toList();
    if (!unsupported.isEmpty()) {
      String reason =
          "valueType '" + unsupported.getFirst().valueType().jsonName() + "' is not supported yet";
      return new MappedPage(List.of(), failAll(recordIds, reason));
    }
    List<String> paths = config.lines().stream().map(FieldLine::field).distinct().toList();
    Map<Long, Map<String, Object>> rows =
        reader.read(config.model(), recordIds, paths, config.language());
    List<MappedRecord> mapped = new ArrayList<>();
    List<RecordFailure> failures = new ArrayList<>();
    for (long id : recordIds) {
      Map<String, Object> row = rows.get(id);
      if (row == null) {
        failures.add(new RecordFailure(id, "record no longer exists in " + config.model(), 0));
        continue;
      }
      try {
        mapped.add(new MappedRecord(id, toJson(config.lines(), row)));
      } catch (MappingException e) {
        failures.add(new RecordFailure(id, e.getMessage(), 0));
      }
    }
    return new MappedPage(mapped, failures);
  }

  private static String toJson(List<FieldLine> lines, Map<String, Object> row) {
    JsonDocument document = new JsonDocument();
    for (FieldLine line : lines) {
      document.put(line.externalKey(), JsonValues.toJson(row.get(line.field())));
    }
    try {
      return JSON.writeValueAsString(document.root());
    } catch (JsonProcessingException e) {
      throw new MappingException("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  private static List<RecordFailure> failAll(List<Long> recordIds, String reason) {
    return recordIds.stream().map(id -> new RecordFailure(id, reason, 0)).toList();
  }
}
