package dev.apisync.activities.source;

/**
 * Labels of selection values, from Odoo's {@code ir_model_fields_selection} (16+), whose {@code
 * name} is translatable: the label in a language, falling back to en_US.
 */
final class SelectionLabels {

  static final String TABLE = "ir_model_fields_selection";

  private SelectionLabels() {}

  /** The label of the key {@code value} of selection field {@code field}; NULL when none. */
  static SqlCondition label(SqlCondition value, FieldInfo field, String language) {
    return Sql.concat(
        "(SELECT ",
        Sql.translatedText("s.name", language),
        " FROM %s AS s WHERE s.field_id = %d AND s.value = ".formatted(TABLE, field.fieldId()),
        value,
        " LIMIT 1)");
  }
}
