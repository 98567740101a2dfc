package dev.apisync.activities.script;

import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.activities.testing.TestScripts;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A small Odoo-shaped source for script tests, on the demo schema, small enough to name every
 * expected value.
 *
 * <pre>
 * partner name          parent country phone              create_date       active
 *  1      Acme Corp     -      UA      +380 44 123 45 67  2026-11-20 10:00  t
 *  2      Alice Smith   1      UA      555-123 4567       2026-11-21 23:30  t
 *  3      Bob Jones     1      US      NULL               2026-11-22 00:30  t
 *  4      Old Partner   -      -       555 000            2026-10-01 00:00  f
 * order name partner amount_total lines (price_subtotal)
 *  1    S1   1       100.00       60.00, 40.00
 *  2    S2   2       50.25        50.25
 *  3    S3   3       10.00        -
 * </pre>
 */
final class ScriptFixtures {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  /** The config the script tests run as: they share its contexts. */
  static final long CONFIG_ID = 7;

  private ScriptFixtures() {}

  static DataSource create(String prefix) {
    DataSource source = TestPostgres.freshDatabase(prefix);
    OdooDemoDatabase.createSchema(source);
    TestPostgres.execute(
        source,
        """
        INSERT INTO res_country (id, code, name) VALUES
          (1, 'UA', '{"en_US": "Ukraine", "uk_UA": "Україна"}'),
          (2, 'US', '{"en_US": "United States"}');
        INSERT INTO res_partner (id, name, parent_id, country_id, phone, email, is_company,
                                 credit_limit, active, create_date) VALUES
          (1, 'Acme Corp', NULL, 1, '+380 44 123 45 67', 'info@acme.example', true, 10000.50,
           true, '2026-11-20 10:00'),
          (2, 'Alice Smith', 1, 1, '555-123 4567', 'alice@acme.example', false, 500.50, true,
           '2026-11-21 23:30'),
          (3, 'Bob Jones', 1, 2, NULL, NULL, false, NULL, true, '2026-11-22 00:30'),
          (4, 'Old Partner', NULL, NULL, '555 000', NULL, false, NULL, false, '2026-10-01 00:00');
        INSERT INTO sale_order (id, name, partner_id, state, date_order, amount_total, create_date)
        VALUES
          (1, 'S1', 1, 'sale', '2026-11-25 09:00', 100.00, '2026-11-25 09:00'),
          (2, 'S2', 2, 'draft', '2026-11-26 09:00', 50.25, '2026-11-26 09:00'),
          (3, 'S3', 3, 'sale', '2026-11-27 09:00', 10.00, '2026-11-27 09:00');
        INSERT INTO sale_order_line (id, order_id, name, product_uom_qty, price_unit,
                                     price_subtotal) VALUES
          (1, 1, 'Chair', 2, 30.00, 60.00),
          (2, 1, 'Desk', 1, 40.00, 40.00),
          (3, 2, 'Cable', 1, 50.25, 50.25);
        """);
    return source;
  }

  /**
   * A snapshot of a config for script tests.
   *
   * @param requestScript empty for none
   */
  static ConfigSnapshot config(
      String model,
      List<FieldLine> lines,
      String requestScript,
      boolean paginated,
      int pageSize,
      int scriptTimeoutSeconds) {
    return new ConfigSnapshot(
        CONFIG_ID,
        "scripted " + model,
        model,
        "[]",
        "https://crm.example.com/api",
        HttpMethod.POST,
        5,
        15,
        paginated,
        pageSize,
        0,
        RetrySettings.DEFAULTS,
        lines,
        "en_US",
        true,
        requestScript,
        0,
        1,
        1.0,
        scriptTimeoutSeconds,
        0,
        false,
        false,
        "",
        OutageSettings.DEFAULTS);
  }

  static ScriptSource scriptSource(DataSource source) {
    return new ScriptSource(source, new SourceCatalog(source));
  }

  /** Runs a request script over records of a model, in English, with a 5 s limit. */
  static Optional<String> run(
      ScriptSource source, String model, List<Long> ids, String script, String requestData) {
    return run(source, model, ids, script, requestData, "en_US");
  }

  static Optional<String> run(
      ScriptSource source,
      String model,
      List<Long> ids,
      String script,
      String requestData,
      String language) {
    return TestScripts.shared()
        .runRequestScript(
            CONFIG_ID,
            model,
            ids,
            script,
            requestData,
            NOW,
            Duration.ofSeconds(5),
            source,
            language);
  }
}
