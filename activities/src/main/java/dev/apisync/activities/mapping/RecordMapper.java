package dev.apisync.activities.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private final Map<ValueType, LineResolver> resolvers;

  public RecordMapper(RecordReader reader, List<LineResolver> resolvers) {
    this.reader = reader;
    this.resolvers = ResolvedLines.byType(resolvers);
  }

  public MappedPage map(ConfigSnapshot config, List<Long> recordIds) {
    Set<Long> existing =
        reader
            .read(config.model(), recordIds, List.of("id"), ConfigSnapshot.DEFAULT_LANGUAGE)
            .keySet();
    List<Long> present = recordIds.stream().filter(existing::contains).toList();
    ResolvedLines resolved = ResolvedLines.resolve(resolvers, config, present);
    List<MappedRecord> mapped = new ArrayList<>();
    List<RecordFailure> failures = new ArrayList<>();
    for (long id : recordIds) {
      if (!existing.contains(id)) {
        failures.add(new RecordFailure(id, "record no longer exists in " + config.model(), 0));
        continue;
      }
      try {
        mapped.add(new MappedRecord(id, write(resolved.object(id))));
      } catch (MappingException e) {
        failures.add(new RecordFailure(id, e.getMessage(), 0));
      }
    }
    return new MappedPage(mapped, failures);
  }

  private static String write(ObjectNode object) {
    try {
      return JSON.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new MappingException("cannot write JSON: " + e.getOriginalMessage());
    }
  }
}
