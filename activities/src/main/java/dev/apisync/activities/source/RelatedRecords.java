package dev.apisync.activities.source;

import java.util.List;
import java.util.function.Supplier;

/**
 * "Some related record satisfies this condition", as a correlated {@code EXISTS}: through a
 * many2one column, a one2many's inverse column, or a many2many relation table. EXISTS, unlike a
 * join, never repeats the outer row however many related rows match.
 */
final class RelatedRecords {

  private RelatedRecords() {}

  /**
   * The record a many2one points at exists and satisfies {@code condition}.
   *
   * @param link the many2one's id in SQL without parameters ({@link FieldSql#link})
   */
  static SqlCondition many2one(
      String link, ModelInfo comodel, String coAlias, SqlCondition condition) {
    return Sql.exists(
        Sql.of(Sql.quote(comodel.table()) + " AS " + Sql.quote(coAlias)),
        Sql.and(List.of(Sql.of(Sql.column(coAlias, "id") + " = " + link), condition)));
  }

  /** The comodel's many2one that a one2many {@code field} of {@code modelName} reads back. */
  static FieldInfo inverse(String modelName, FieldInfo field, ModelInfo comodel) {
    return comodel
        .field(field.inverseField())
        .filter(inverse -> inverse.kind() == FieldKind.MANY2ONE)
        .orElseThrow(
            () ->
                new SourceException(
                    "one2many '%s' on %s names inverse field '%s', which is not a many2one of %s"
                        .formatted(field.name(), modelName, field.inverseField(), comodel.name())));
  }

  /** A many2many needs its link table and both columns, which only ir_model_fields names. */
  static void requireLinkTable(String modelName, FieldInfo field) {
    if (field.relationTable().isEmpty()
        || field.relationColumn1().isEmpty()
        || field.relationColumn2().isEmpty()) {
      throw new SourceException(
          "many2many '%s' on %s has no relation table and columns in ir_model_fields"
              .formatted(field.name(), modelName));
    }
  }

  /**
   * Some record linked through the one2many or many2many {@code field} satisfies {@code condition},
   * written against {@code coAlias}.
   */
  static SqlCondition x2many(
      ModelInfo model,
      String alias,
      FieldInfo field,
      ModelInfo comodel,
      String coAlias,
      Supplier<String> aliases,
      SqlCondition condition) {
    String coTable = Sql.quote(comodel.table()) + " AS " + Sql.quote(coAlias);
    if (field.kind() == FieldKind.ONE2MANY) {
      FieldInfo inverse = inverse(model.name(), field, comodel);
      return Sql.exists(
          Sql.of(coTable),
          Sql.and(
              List.of(
                  Sql.of(Sql.column(coAlias, inverse.column()) + " = " + Sql.column(alias, "id")),
                  condition)));
    }
    requireLinkTable(model.name(), field);
    String link = aliases.get();
    return Sql.exists(
        Sql.of(
            "%s AS %s JOIN %s ON %s = %s"
                .formatted(
                    Sql.quote(field.relationTable()),
                    Sql.quote(link),
                    coTable,
                    Sql.column(coAlias, "id"),
                    Sql.column(link, field.relationColumn2()))),
        Sql.and(
            List.of(
                Sql.of(Sql.column(link, field.relationColumn1()) + " = " + Sql.column(alias, "id")),
                condition)));
  }
}
