package dev.apisync.activities.source;

/**
 * Odoo's naming rule between models and tables: {@code res.partner} lives in {@code res_partner}.
 */
final class ModelNames {

  private ModelNames() {}

  static String table(String modelName) {
    return modelName.replace('.', '_');
  }

  /**
   * Without {@code ir_model} a table's model name is a guess: {@code res_partner} → {@code
   * res.partner}. {@link #table} maps it back to the same table, which is all that matters.
   */
  static String model(String tableName) {
    return tableName.replace('_', '.');
  }
}
