package dev.apisync.bench;

import dev.apisync.activities.config.SyncConfig;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.activities.source.demo.OdooDemoDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The Odoo-shaped source of issue 9 ({@link OdooDemoDatabase}: ~56 % of partners are active
 * customers, with parent_id and country_id) and the mapping both contenders apply to it: six plain
 * lines, two of them through many2one links.
 */
final class BenchSource {

  /**
   * Active customers; inactive partners would be excluded anyway, the domain says it for clarity.
   */
  static final String DOMAIN = "[('active', '=', True), ('customer_rank', '>', 0)]";

  /** The baseline's keyset page: the same joins apisync's mapping makes for the dotted lines. */
  static final String PAGE_SQL =
      """
      SELECT p.id, p.name, p.email, p.phone, parent.name AS parent_name, country.code AS country_code
      FROM res_partner p
      LEFT JOIN res_partner parent ON parent.id = p.parent_id
      LEFT JOIN res_country country ON country.id = p.country_id
      WHERE p.active AND p.customer_rank > 0 AND p.id > ?
      ORDER BY p.id
      LIMIT ?
      """;

  private BenchSource() {}

  /** Seeds {@code rows} partners unless the database already holds exactly that many. */
  static void ensureSeeded(DataSource odoo, int rows) throws SQLException {
    OdooDemoDatabase.createSchema(odoo);
    if (count(odoo, "SELECT count(*) FROM res_partner") == rows) {
      return;
    }
    OdooDemoDatabase.seed(odoo, rows);
    try (Connection connection = odoo.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
  }

  /** The ids every run must deliver exactly once, in id order. */
  static List<Long> selectedIds(DataSource odoo) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = odoo.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id FROM res_partner WHERE active AND customer_rank > 0 ORDER BY id");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  /** apisync's config for a scenario, sending to {@code url}; {@code limit} caps a warm-up run. */
  static SyncConfig config(Scenario scenario, String url, Integer limit, String name) {
    return SyncConfig.builder()
        .name(name)
        .model("res.partner")
        .filterDomain(DOMAIN)
        .requestUrl(url)
        .httpMethod(HttpMethod.POST)
        .line(SyncConfig.Line.identifier("id", "id"))
        .line(SyncConfig.Line.plain("name", "name"))
        .line(SyncConfig.Line.plain("email", "email"))
        .line(SyncConfig.Line.plain("phone", "phone"))
        .line(SyncConfig.Line.plain("parent_id.name", "parent"))
        .line(SyncConfig.Line.plain("country_id.code", "country"))
        .paginated(scenario.paginated())
        .pageSize(scenario.pageSize())
        .concurrency(scenario.concurrency())
        .requestScript(scenario.requestScript())
        .limit(limit == null ? SyncConfig.NO_LIMIT : limit)
        .build();
  }

  private static long count(DataSource source, String sql) throws SQLException {
    try (Connection connection = source.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
