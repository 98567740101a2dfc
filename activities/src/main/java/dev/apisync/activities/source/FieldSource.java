package dev.apisync.activities.source;

/**
 * Where a field's value comes from. Odoo lists every field of a model in {@code ir_model_fields},
 * stored or not; a non-stored one is readable here only when its value can be derived from the
 * database the way Odoo derives it.
 */
public sealed interface FieldSource {

  /** A column of the model's table (also every field of a catalog read from foreign keys). */
  record Stored() implements FieldSource {}

  /**
   * A related field ({@code related} in {@code ir_model_fields}), which includes every field an
   * {@code _inherits} parent provides: {@code product.product.name} is {@code
   * product_tmpl_id.name}. It behaves everywhere as its path.
   */
  record Related(String path) implements FieldSource {}

  /**
   * A company-dependent field (Odoo 17's {@code company_dependent}): no column; the value is an
   * {@code ir_property} row for the record and company, else the company's default row.
   *
   * @param model the model whose records the property rows name ({@code res_id = 'model,id'})
   */
  record CompanyDependent(String model) implements FieldSource {}

  /** {@code display_name}, composed from stored fields as Odoo 17 composes it for the model. */
  record DisplayName(String model, DisplayRule rule) implements FieldSource {}

  /** A computed, non-stored field: its value exists only in Odoo's Python, so it is refused. */
  record Computed() implements FieldSource {}

  /** The Odoo 17 rule a model's {@code display_name} follows. */
  enum DisplayRule {
    /** {@code res.partner}: "Company, Name" for contacts of a company, addresses by their type. */
    PARTNER,
    /** {@code product.product}: "[default_code] name (attribute values)". */
    PRODUCT_VARIANT,
    /** Any other model: its {@code _rec_name} column, {@code complete_name} or {@code name}. */
    NAME
  }
}
