package dev.apisync.activities.source;

/**
 * One field of a model.
 *
 * @param column the SQL column (for one2many/many2many: empty, the data lives elsewhere)
 * @param relatedModel the comodel of a relational field, empty otherwise
 * @param relationTable many2many link table, empty otherwise
 * @param relationColumn1 many2many link column pointing at this model, empty otherwise
 * @param relationColumn2 many2many link column pointing at the comodel, empty otherwise
 * @param inverseField one2many: the comodel's many2one column pointing back, empty otherwise
 * @param translatable a jsonb column holding {@code {"en_US": ..., "uk_UA": ...}}
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
    boolean translatable) {}
