package dev.apisync.activities.source;

import java.util.Map;
import java.util.Optional;

/**
 * Company-dependent values as Odoo 17's {@code ir.property._get_multi} reads them: for a record and
 * a company, the record's own row ({@code res_id = 'model,id'}) wins over the default row ({@code
 * res_id} NULL), and among rows of one kind the company's own wins over one without a company. An
 * own row holding NULL is a value (False), not a reason to fall back to the default.
 */
final class PropertyValues {

  /** Odoo's {@code TYPE2FIELD}: which typed column holds a field type's value. */
  private static final Map<String, String> VALUE_COLUMNS =
      Map.ofEntries(
          Map.entry("char", "value_text"),
          Map.entry("text", "value_text"),
          Map.entry("html", "value_text"),
          Map.entry("selection", "value_text"),
          Map.entry("float", "value_float"),
          Map.entry("monetary", "value_float"),
          Map.entry("integer", "value_integer"),
          Map.entry("boolean", "value_integer"),
          Map.entry("date", "value_datetime"),
          Map.entry("datetime", "value_datetime"),
          Map.entry("many2one", "value_reference"));

  /** The SQL type a value of this Odoo type reads as; empty for types kept elsewhere (binary). */
  private static final Map<String, String> SQL_TYPES =
      Map.ofEntries(
          Map.entry("char", "text"),
          Map.entry("text", "text"),
          Map.entry("html", "text"),
          Map.entry("selection", "text"),
          Map.entry("float", "numeric"),
          Map.entry("monetary", "numeric"),
          Map.entry("integer", "integer"),
          Map.entry("boolean", "boolean"),
          Map.entry("date", "date"),
          Map.entry("datetime", "timestamp without time zone"),
          Map.entry("many2one", "integer"));

  private PropertyValues() {}

  static Optional<String> sqlType(String odooType) {
    return Optional.ofNullable(SQL_TYPES.get(odooType));
  }

  /**
   * The value of a company-dependent field for the record at {@code alias}, as a scalar subquery
   * without parameters (it may sit in a join condition).
   *
   * @param company SQL for the company id: a literal, a subquery, or NULL for none
   */
  static String value(String alias, FieldInfo field, String model, String company) {
    String column = VALUE_COLUMNS.get(field.odooType());
    if (column == null) {
      throw new SourceException(
          "company-dependent field '%s' of type %s cannot be read from ir_property"
              .formatted(field.name(), field.odooType()));
    }
    String value =
        switch (field.odooType()) {
          case "boolean" -> "(p.value_integer <> 0)";
          case "float", "monetary" -> "CAST(p.value_float AS numeric)";
          case "date" -> "CAST(p.value_datetime AS date)";
          case "many2one" -> "CAST(NULLIF(split_part(p.value_reference, ',', 2), '') AS integer)";
          default -> "p." + column;
        };
    return ("(SELECT %1$s FROM ir_property AS p WHERE p.fields_id = %2$d"
            + " AND (p.company_id = %3$s OR p.company_id IS NULL)"
            + " AND (p.res_id = (%4$s || %5$s) OR p.res_id IS NULL)"
            + " ORDER BY p.res_id IS NULL, p.company_id IS NULL LIMIT 1)")
        .formatted(
            value, field.fieldId(), company, Sql.literal(model + ","), Sql.column(alias, "id"));
  }
}
