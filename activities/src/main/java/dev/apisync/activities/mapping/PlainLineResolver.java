package dev.apisync.activities.mapping;

import dev.apisync.activities.source.RecordReader;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.ValueType;
import java.util.List;
import java.util.Map;

/**
 * {@code plain} lines: column values and dotted many2one paths, one query for the page; and, built
 * by {@link #selectionLabels}, {@code selection_label} lines, which read a selection field's label
 * in the config's language the same way.
 */
public class PlainLineResolver implements LineResolver {

  private final RecordReader reader;
  private final ValueType type;

  public PlainLineResolver(RecordReader reader) {
    this(reader, ValueType.PLAIN);
  }

  private PlainLineResolver(RecordReader reader, ValueType type) {
    this.reader = reader;
    this.type = type;
  }

  /** The resolver of {@code selection_label} lines. */
  public static PlainLineResolver selectionLabels(RecordReader reader) {
    return new PlainLineResolver(reader, ValueType.SELECTION_LABEL);
  }

  @Override
  public ValueType handles() {
    return type;
  }

  @Override
  public LineValues resolve(ConfigSnapshot config, List<FieldLine> lines, List<Long> recordIds) {
    List<String> paths = lines.stream().map(FieldLine::field).distinct().toList();
    Map<Long, Map<String, Object>> rows =
        type == ValueType.SELECTION_LABEL
            ? reader.readLabels(
                config.model(), recordIds, paths, config.language(), config.companyId())
            : reader.read(config.model(), recordIds, paths, config.language(), config.companyId());
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
