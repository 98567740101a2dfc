package dev.apisync.activities.source;

import java.util.List;
import java.util.Optional;

/**
 * {@code display_name} as Odoo 17 composes it, written as SQL over stored columns so it reads in
 * the same query as the record's other fields.
 */
final class DisplayNames {

  /** Odoo 17's {@code res.partner._complete_name_displayed_types}, with their English labels. */
  private static final List<List<String>> ADDRESS_TYPES =
      List.of(
          List.of("invoice", "Invoice Address"),
          List.of("delivery", "Delivery Address"),
          List.of("other", "Other Address"));

  private final SourceCatalog catalog;
  private final String language;

  DisplayNames(SourceCatalog catalog, String language) {
    this.catalog = catalog;
    this.language = language;
  }

  SqlCondition of(String alias, ModelInfo model, FieldSource.DisplayRule rule) {
    return switch (rule) {
      case PARTNER -> partner(alias, model);
      case PRODUCT_VARIANT -> productVariant(alias, model);
      case NAME -> text(alias, recName(model));
    };
  }

  /**
   * The column Odoo's {@code _rec_name} names: {@code complete_name} where a model keeps one (it is
   * the {@code _rec_name} of product.category and its kind), else {@code name}.
   */
  private static FieldInfo recName(ModelInfo model) {
    return model
        .field("complete_name")
        .filter(FieldInfo::isStored)
        .or(() -> model.field("name").filter(FieldInfo::isStored))
        .orElseThrow(() -> new SourceException(model.name() + " has no name column"));
  }

  /**
   * {@code res.partner._get_complete_name}: a partner with a parent or a company name shows as
   * "Commercial Company, Name" unless it is a company itself; an address without a name shows its
   * type's label ("Azure Interior, Delivery Address"); anyone else shows the name.
   */
  private SqlCondition partner(String a, ModelInfo model) {
    String name = "COALESCE(" + Sql.column(a, "name") + ", '')";
    SqlCondition label =
        model.field("type").isPresent()
            ? Sql.concat(
                "CASE WHEN ",
                name,
                " = '' AND ",
                Sql.column(a, "type"),
                " IN ('invoice', 'delivery', 'other') THEN COALESCE(",
                typeLabel(a, model),
                ", ",
                Sql.of(name),
                ") ELSE ",
                Sql.of(name),
                " END")
            : Sql.of(name);
    String parent = model.field("parent_id").isPresent() ? Sql.column(a, "parent_id") : "NULL";
    String companyName = optionalText(a, model, "company_name");
    String commercialName =
        "COALESCE(%s, (SELECT pp.%s FROM %s AS pp WHERE pp.id = %s), '')"
            .formatted(
                optionalText(a, model, "commercial_company_name"),
                Sql.quote("name"),
                Sql.quote(model.table()),
                parent);
    String isCompany =
        model.field("is_company").isPresent() ? Sql.column(a, "is_company") + " IS TRUE" : "FALSE";
    return Sql.concat(
        "btrim(CASE WHEN %s IS NOT NULL OR %s IS NOT NULL THEN CASE WHEN %s THEN "
            .formatted(companyName, parent, isCompany),
        label,
        " ELSE " + commercialName + " || ', ' || ",
        label,
        " END ELSE " + name + " END)");
  }

  /** A text column as Odoo tests it: NULL when missing or empty. */
  private static String optionalText(String alias, ModelInfo model, String field) {
    return model.field(field).filter(FieldInfo::isStored).isPresent()
        ? "NULLIF(" + Sql.column(alias, field) + ", '')"
        : "NULL";
  }

  /** The address type's label in the language, from ir_model_fields_selection, else English. */
  private SqlCondition typeLabel(String a, ModelInfo model) {
    String english =
        "CASE "
            + Sql.column(a, "type")
            + String.join(
                "",
                ADDRESS_TYPES.stream()
                    .map(t -> " WHEN " + Sql.literal(t.get(0)) + " THEN " + Sql.literal(t.get(1)))
                    .toList())
            + " END";
    Optional<SqlCondition> stored =
        model
            .field("type")
            .filter(type -> type.fieldId() > 0)
            .filter(type -> catalog.hasTable(SelectionLabels.TABLE))
            .map(type -> SelectionLabels.label(Sql.of(Sql.column(a, "type")), type, language));
    return stored
        .map(label -> Sql.concat("COALESCE(", label, ", " + english + ")"))
        .orElse(Sql.of(english));
  }

  /**
   * {@code product.product._compute_display_name} without a partner in the context: "[code] name"
   * and, for variants whose attributes create variants, "(value, value)" after the name.
   */
  private SqlCondition productVariant(String a, ModelInfo model) {
    ModelInfo template = catalog.requireModel("product.template");
    FieldInfo templateName =
        template
            .field("name")
            .orElseThrow(() -> new SourceException("product.template has no name field"));
    SqlCondition name =
        Sql.concat(
            "COALESCE((SELECT ",
            text("pt", templateName),
            " FROM %s AS pt WHERE pt.id = %s), '')"
                .formatted(Sql.quote(template.table()), Sql.column(a, "product_tmpl_id")));
    String code =
        model.field("default_code").filter(FieldInfo::isStored).isPresent()
            ? "CASE WHEN COALESCE(%1$s, '') <> '' THEN '[' || %1$s || '] ' ELSE '' END"
                .formatted(Sql.column(a, "default_code"))
            : "''";
    return Sql.concat(code + " || ", name, " || ", variantSuffix(a));
  }

  /**
   * {@code product.template.attribute.value._get_combination_name}: the variant's attribute values
   * that create variants, leaving out lines with a single value, in Odoo's order.
   */
  private SqlCondition variantSuffix(String a) {
    List<String> tables =
        List.of(
            "product_variant_combination",
            "product_template_attribute_value",
            "product_attribute_value",
            "product_attribute");
    if (!tables.stream().allMatch(catalog::hasTable)) {
      return Sql.of("''");
    }
    FieldInfo valueName =
        catalog
            .requireModel("product.attribute.value")
            .field("name")
            .orElseThrow(() -> new SourceException("product.attribute.value has no name field"));
    return Sql.concat(
        "COALESCE(' (' || (SELECT string_agg(",
        text("pav", valueName),
        ", ', ' ORDER BY pa.sequence, pa.id, ptav.attribute_line_id, pav.sequence, pav.id, ptav.id)"
            + " FROM product_variant_combination AS pvc"
            + " JOIN product_template_attribute_value AS ptav"
            + " ON ptav.id = pvc.product_template_attribute_value_id"
            + " JOIN product_attribute_value AS pav ON pav.id = ptav.product_attribute_value_id"
            + " JOIN product_attribute AS pa ON pa.id = ptav.attribute_id"
            + " WHERE pvc.product_product_id = "
            + Sql.column(a, "id")
            + " AND pa.create_variant IS DISTINCT FROM 'no_variant'"
            + " AND (SELECT count(*) FROM product_template_attribute_value AS line_value"
            + " WHERE line_value.attribute_line_id = ptav.attribute_line_id) > 1) || ')', '')");
  }

  private SqlCondition text(String alias, FieldInfo field) {
    String column = Sql.column(alias, field.column());
    return field.translatable() ? Sql.translatedText(column, language) : Sql.of(column);
  }
}
