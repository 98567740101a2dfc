package dev.apisync.activities.mapping;

import dev.apisync.activities.source.RecordReader;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.ValueType;
import java.util.List;
import java.util.Map;

/** {@code plain} lines: column values and dotted many2one paths, one query for the page. */
public class PlainLineResolver implements LineResolver {

  private final RecordReader reader;

  public PlainLineResolver(RecordReader reader) {
    this.reader = reader;
  }

  @Override
  public ValueType handles() {
    return ValueType.PLAIN;
  }

  @Override
  public LineValues resolve(ConfigSnapshot config, List<FieldLine> lines, List<Long> recordIds) {
    List<String> paths = lines.stream().map(FieldLine::field).distinct().toList();
    Map<Long, Map<String, Object>> rows =
        reader.read(config.model(), recordIds, paths, config.language());
    LineValues values = new LineValues();
    rows.forEach(
        (id, row) -> {
          for (FieldLine line : lines) {
            values.put(id, line, JsonValues.toJson(row.get(line.field())));
          }
        });
    return values;
  }
}
