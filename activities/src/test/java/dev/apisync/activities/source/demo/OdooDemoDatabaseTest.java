package dev.apisync.activities.source.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OdooDemoDatabaseTest {

  private static DataSource database;

  @BeforeAll
  static void seedTwice() {
    database = TestPostgres.freshDatabase("demo");
    OdooDemoDatabase.createSchema(database);
    OdooDemoDatabase.createSchema(database);
    OdooDemoDatabase.seed(database, 30);
    OdooDemoDatabase.seed(database, 1000);
  }

  @Test
  void seedsTheDocumentedDistribution() {
    assertThat(count("SELECT count(*) FROM res_partner")).isEqualTo(1000);
    assertThat(count("SELECT count(*) FROM res_partner WHERE is_company")).isEqualTo(100);
    assertThat(count("SELECT count(*) FROM res_partner WHERE customer_rank > 0")).isEqualTo(600);
    assertThat(count("SELECT count(*) FROM res_partner WHERE NOT active")).isEqualTo(80);
    assertThat(count("SELECT count(*) FROM res_partner WHERE email IS NULL")).isPositive();
    assertThat(count("SELECT count(*) FROM res_partner WHERE phone IS NULL")).isEqualTo(250);
    assertThat(count("SELECT count(*) FROM res_partner WHERE parent_id IS NOT NULL"))
        .isEqualTo(600 + 33);
    assertThat(count("SELECT count(*) FROM res_country WHERE name ? 'uk_UA'")).isEqualTo(4);
    assertThat(count("SELECT count(*) FROM sale_order")).isPositive();
    assertThat(
            count(
                "SELECT count(*) FROM sale_order o WHERE amount_total <>"
                    + " (SELECT sum(price_subtotal) FROM sale_order_line l WHERE l.order_id = o.id)"))
        .isZero();
  }

  @Test
  void isDeterministic() {
    assertThat(strings("SELECT name FROM res_partner WHERE id IN (1, 2, 22) ORDER BY id"))
        .containsExactly("Dnipro LLC", "Iryna Shevchenko", "Maksym Kovalenko");
    assertThat(strings("SELECT display_name FROM res_partner WHERE id = 22"))
        .containsExactly("Sokil LLC, Maksym Kovalenko");
    assertThat(strings("SELECT parent_id::text FROM res_partner WHERE id IN (21, 22) ORDER BY id"))
        .containsExactly("1", "21");
  }

  @Test
  void describesEveryColumnInIrModelFields() {
    List<String> undescribed =
        strings(
            """
            SELECT m.model || '.' || c.column_name
            FROM ir_model m
            JOIN information_schema.columns c
              ON c.table_schema = current_schema() AND c.table_name = replace(m.model, '.', '_')
            WHERE NOT EXISTS (SELECT 1 FROM ir_model_fields f
                              WHERE f.model = m.model AND f.name = c.column_name)
            """);
    List<String> missingColumns =
        strings(
            """
            SELECT f.model || '.' || f.name FROM ir_model_fields f
            WHERE f.store AND f.ttype NOT IN ('one2many', 'many2many')
              AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                              WHERE c.table_schema = current_schema()
                                AND c.table_name = replace(f.model, '.', '_')
                                AND c.column_name = f.name)
            """);

    assertThat(undescribed).isEmpty();
    assertThat(missingColumns).isEmpty();
  }

  @Test
  void letsNewRowsTakeTheNextIds() {
    assertThat(
            count(
                "INSERT INTO res_country (name, code) VALUES ('{\"en_US\": \"Spain\"}', 'ES') RETURNING id"))
        .isEqualTo(6);
  }

  private static long count(String sql) {
    return Long.parseLong(strings(sql).get(0));
  }

  private static List<String> strings(String sql) {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
