package dev.apisync.workflows;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a mapping line turns a source field into a JSON value (SPEC §3). */
public enum ValueType {
  PLAIN("plain"),
  RELATIONAL("relational"),
  PYTHON("python"),
  RELATIONAL_PYTHON("relational_python"),
  SELECTION_LABEL("selection_label");

  private final String jsonName;

  ValueType(String jsonName) {
    this.jsonName = jsonName;
  }

  @JsonValue
  public String jsonName() {
    return jsonName;
  }

  /**
   * The type whose {@link #jsonName} is {@code jsonName}, as stored.
   *
   * @throws IllegalArgumentException when none is
   */
  public static ValueType ofJsonName(String jsonName) {
    return parse(jsonName)
        .orElseThrow(
            () -> new IllegalArgumentException("no value type is called '" + jsonName + "'"));
  }

  /** Parses the API spelling (`plain`, `relational_python`, ...), case-insensitively. */
  public static java.util.Optional<ValueType> parse(String text) {
    for (ValueType type : values()) {
      if (type.jsonName.equalsIgnoreCase(text) || type.name().equalsIgnoreCase(text)) {
        return java.util.Optional.of(type);
      }
    }
    return java.util.Optional.empty();
  }
}
