package dev.apisync.activities.source;

/**
 * A field's value as SQL for the row at an alias, whatever its {@link FieldSource}: a column, an
 * {@code ir_property} lookup for the company, or a composed {@code display_name}. Related fields
 * never reach here: paths are expanded first ({@link SourceCatalog#expand}).
 */
final class FieldSql {

  private final SourceCatalog catalog;
  private final String language;
  private final long companyId;

  /**
   * @param companyId the company whose company-dependent values are read; 0 for the source's main
   *     company (see {@link SourceCatalog#companySql})
   */
  FieldSql(SourceCatalog catalog, String language, long companyId) {
    this.catalog = catalog;
    this.language = language;
    this.companyId = companyId;
  }

  /** The stored value: a translatable column's whole jsonb, a many2one's id. */
  SqlCondition raw(String alias, FieldInfo field) {
    return switch (field.source()) {
      case FieldSource.Stored stored -> Sql.of(Sql.column(alias, field.column()));
      case FieldSource.CompanyDependent property ->
          Sql.of(
              PropertyValues.value(alias, field, property.model(), catalog.companySql(companyId)));
      case FieldSource.DisplayName display ->
          new DisplayNames(catalog, language)
              .of(alias, catalog.requireModel(display.model()), display.rule());
      case FieldSource.Related related ->
          throw new IllegalStateException("related field read before expansion: " + field.name());
      case FieldSource.Computed computed ->
          throw new IllegalStateException("computed field read: " + field.name());
    };
  }

  /**
   * A many2one's id without parameters, for a join condition: a column or an {@code ir_property}
   * lookup.
   */
  String link(String alias, FieldInfo field) {
    SqlCondition link = raw(alias, field);
    if (!link.params().isEmpty()) {
      throw new IllegalStateException("a link with parameters: " + field.name());
    }
    return link.sql();
  }

  /** The value as a user reads it: a translatable column's text in the language. */
  SqlCondition text(String alias, FieldInfo field) {
    return field.translatable() && field.isStored()
        ? Sql.translatedText(Sql.column(alias, field.column()), language)
        : raw(alias, field);
  }

  /** A selection field's label in the language; the key itself when the key has no label. */
  SqlCondition label(String alias, FieldInfo field) {
    SqlCondition key = raw(alias, field);
    return Sql.concat("COALESCE(", SelectionLabels.label(key, field, language), ", ", key, ")");
  }
}
