package dev.apisync.activities.source;

/**
 * One field of a model.
 *
 * @param column the SQL column (empty when the data lives elsewhere: one2many/many2many, and fields
 *     whose {@link #source} is not {@link FieldSource.Stored})
 * @param relatedModel the comodel of a relational field, empty otherwise
 * @param relationTable many2many link table, empty otherwise
 * @param relationColumn1 many2many link column pointing at this model, empty otherwise
 * @param relationColumn2 many2many link column pointing at the comodel, empty otherwise
 * @param inverseField one2many: the comodel's many2one column pointing back, empty otherwise
 * @param translatable a jsonb column holding {@code {"en_US": ..., "uk_UA": ...}}
 * @param odooType the {@code ttype} in {@code ir_model_fields} ({@code char}, {@code selection},
 *     ...), empty for a catalog read from foreign keys
 * @param fieldId the field's {@code ir_model_fields.id}, 0 when unknown
 * @param source where the value comes from: a column, a related path, {@code ir_property}, ...
 */
public record FieldInfo(
    String name,
    String column,
    FieldKind kind,
    String sqlType,
    String relatedModel,
    String relationTable,
    String relationColumn1,
    String relationColumn2,
    String inverseField,
    boolean translatable,
    String odooType,
    long fieldId,
    FieldSource source) {

  /** A stored field without Odoo's metadata. */
  public FieldInfo(
      String name,
      String column,
      FieldKind kind,
      String sqlType,
      String relatedModel,
      String relationTable,
      String relationColumn1,
      String relationColumn2,
      String inverseField,
      boolean translatable) {
    this(
        name,
        column,
        kind,
        sqlType,
        relatedModel,
        relationTable,
        relationColumn1,
        relationColumn2,
        inverseField,
        translatable,
        "",
        0,
        new FieldSource.Stored());
  }

  public boolean isStored() {
    return source instanceof FieldSource.Stored;
  }

  /** A selection field whose labels {@code ir_model_fields_selection} holds. */
  public boolean hasSelectionLabels() {
    return odooType.equals("selection") && fieldId > 0;
  }
}
