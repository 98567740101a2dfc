package dev.apisync.activities.source;

import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the source database holds, Odoo-style: models (tables), their fields and relations. Read
 * from Odoo's {@code ir_model_fields} when present, else from the tables' columns and foreign keys.
 */
public class SourceCatalog {

  public SourceCatalog(DataSource source) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The model named {@code res.partner} lives in table {@code res_partner}; empty if no such table.
   */
  public Optional<ModelInfo> model(String modelName) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Resolves a dotted path ({@code parent_id.country_id.code}) from a model: every step but the
   * last must be a many2one. Throws {@link SourceException} naming the first unknown step.
   */
  public FieldPath resolvePath(String modelName, String dottedPath) {
    throw new UnsupportedOperationException("TODO");
  }
}
