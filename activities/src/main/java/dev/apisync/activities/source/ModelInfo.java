package dev.apisync.activities.source;

import java.util.Map;
import java.util.Optional;

/** A model (table) of the source and its fields by name. */
public record ModelInfo(String name, String table, Map<String, FieldInfo> fields) {

  public ModelInfo {
    fields = Map.copyOf(fields);
  }

  public Optional<FieldInfo> field(String fieldName) {
    return Optional.ofNullable(fields.get(fieldName));
  }

  /** Whether the model has Odoo's {@code active} flag, which hides archived rows by default. */
  public boolean hasActiveFlag() {
    return fields.containsKey("active");
  }
}
