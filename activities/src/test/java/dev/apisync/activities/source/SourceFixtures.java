package dev.apisync.activities.source;

import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.activities.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A small hand-made data set on the Odoo demo schema, small enough to know every expected id.
 *
 * <pre>
 * id name                 email                 co?  parent country rank credit        active categories
 *  1 Acme Corp            info@acme.example     t    -      UA      2    10000.00      t      VIP
 *  2 Alice Smith          alice@acme.example    f    1      UA      1    500.50        t      Customer
 *  3 Bob Jones            NULL                  f    1      PL      0    NULL          t      -
 *  4 Globex GmbH          sales@globex.example  t    1      DE      0    0             t      Supplier
 *  5 Carol White          carol@globex.example  f    4      DE      3    250           t      Gold, Supplier
 *  6 Dave Old             dave@old.example      f    4      NULL    1    NULL          f      -
 *  7 Eve Black            EVE@Example.COM       f    -      FR      0    99.99         t      Legacy (archived tag)
 *  8 Frank Null           NULL                  NULL -      NULL    0    NULL          t      -
 *  9 Initech              NULL                  t    -      US      1    1234567890.12 f      -
 * 10 x'); DROP TABLE ...  hacker@example.com    f    -      NULL    0    NULL          t      -
 * 11 Zoë 100% Ünïcode_    zoe@example.com       f    5      UA      2    1.5           t      Customer
 * </pre>
 *
 * Hierarchy: 1 → {2, 3, 4}, 4 → {5, 6}, 5 → {11}. Tags: Customer(1) → VIP(2) → Gold(3),
 * Supplier(4), Legacy(5, archived), with parent_path. Sale orders: S1 (partner 1, sale), S2
 * (partner 5, draft), S3 (partner 6, sale).
 */
final class SourceFixtures {

  static final List<Long> ACTIVE = List.of(1L, 2L, 3L, 4L, 5L, 7L, 8L, 10L, 11L);
  static final List<Long> ALL = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);

  private SourceFixtures() {}

  static void createPartners(DataSource source) {
    OdooDemoDatabase.createSchema(source);
    TestPostgres.execute(
        source,
        """
        INSERT INTO res_country (id, code, name) VALUES
          (1, 'UA', '{"en_US": "Ukraine", "uk_UA": "Україна"}'),
          (2, 'PL', '{"en_US": "Poland", "uk_UA": "Польща"}'),
          (3, 'DE', '{"en_US": "Germany", "uk_UA": "Німеччина"}'),
          (4, 'US', '{"en_US": "United States", "uk_UA": "Сполучені Штати"}'),
          (5, 'FR', '{"en_US": "France"}');
        INSERT INTO res_partner_category (id, name, parent_id, parent_path, active) VALUES
          (1, '{"en_US": "Customer", "uk_UA": "Клієнт"}', NULL, '1/', true),
          (2, '{"en_US": "VIP"}', 1, '1/2/', true),
          (3, '{"en_US": "Gold", "uk_UA": "Золото"}', 2, '1/2/3/', true),
          (4, '{"en_US": "Supplier", "uk_UA": "Постачальник"}', NULL, '4/', true),
          (5, '{"en_US": "Legacy"}', NULL, '5/', false);
        INSERT INTO res_partner (id, name, email, is_company, parent_id, country_id, customer_rank,
                                 credit_limit, active, create_date, partner_latitude) VALUES
          (1, 'Acme Corp', 'info@acme.example', true, NULL, 1, 2, 10000.00, true, '2024-01-10 10:00', 50.4501),
          (2, 'Alice Smith', 'alice@acme.example', false, 1, 1, 1, 500.50, true, '2024-01-15 00:00', NULL),
          (3, 'Bob Jones', NULL, false, 1, 2, 0, NULL, true, '2024-01-31 23:30', NULL),
          (4, 'Globex GmbH', 'sales@globex.example', true, 1, 3, 0, 0, true, '2024-02-01 00:00', NULL),
          (5, 'Carol White', 'carol@globex.example', false, 4, 3, 3, 250, true, '2024-02-15 12:00', NULL),
          (6, 'Dave Old', 'dave@old.example', false, 4, NULL, 1, NULL, false, '2023-12-31 23:59', NULL),
          (7, 'Eve Black', 'EVE@Example.COM', false, NULL, 5, 0, 99.99, true, '2024-03-01 00:00', NULL),
          (8, 'Frank Null', NULL, NULL, NULL, NULL, 0, NULL, true, NULL, NULL),
          (9, 'Initech', NULL, true, NULL, 4, 1, 1234567890.12, false, '2024-03-05 00:00', NULL),
          (10, 'x''); DROP TABLE res_partner; --', 'hacker@example.com', false, NULL, NULL, 0, NULL, true, '2024-03-10 00:00', NULL),
          (11, 'Zoë 100% Ünïcode_', 'zoe@example.com', false, 5, 1, 2, 1.5, true, '2024-03-15 00:00', NULL);
        INSERT INTO res_partner_res_partner_category_rel (partner_id, category_id) VALUES
          (1, 2), (2, 1), (4, 4), (5, 3), (5, 4), (7, 5), (11, 1);
        INSERT INTO product_template (id, name, type, list_price) VALUES
          (1, '{"en_US": "Office Chair", "uk_UA": "Офісне крісло"}', 'consu', 149.90);
        INSERT INTO product_product (id, product_tmpl_id, default_code) VALUES (1, 1, 'CHAIR');
        INSERT INTO sale_order (id, name, partner_id, state, date_order, amount_total) VALUES
          (1, 'S1', 1, 'sale', '2024-03-01 10:00', 100.00),
          (2, 'S2', 5, 'draft', '2024-03-02 10:00', 50.25),
          (3, 'S3', 6, 'sale', '2024-03-03 10:00', 10.00);
        INSERT INTO sale_order_line (id, order_id, product_id, name, product_uom_qty, price_unit, price_subtotal) VALUES
          (1, 1, 1, 'Office Chair', 2, 50.00, 100.00),
          (2, 2, 1, 'Office Chair', 1, 50.25, 50.25);
        """);
  }

  /** The ids a compiled condition selects from a model's table, ascending. */
  static List<Long> select(DataSource source, String table, SqlCondition condition) {
    String sql = "SELECT r.id FROM " + table + " AS r WHERE " + condition.sql() + " ORDER BY r.id";
    try (Connection connection = source.getConnection();
        PreparedStatement statement = Sql.prepare(connection, sql, condition.params());
        ResultSet rows = statement.executeQuery()) {
      List<Long> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " " + condition.params(), e);
    }
  }
}
