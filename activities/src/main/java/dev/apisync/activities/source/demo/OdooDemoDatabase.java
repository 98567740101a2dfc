package dev.apisync.activities.source.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * An Odoo-shaped demo database: {@code res_country}, {@code res_partner_category}, {@code
 * res_partner} (+ its category relation table), {@code product_template}, {@code product_product},
 * {@code sale_order}, {@code sale_order_line}, and the {@code ir_model} / {@code ir_model_fields}
 * rows that describe them, with Odoo's column names and conventions (translatable names as jsonb
 * {@code {"en_US": ..., "uk_UA": ...}}, {@code active} flags, {@code parent_id} hierarchies, {@code
 * parent_path} on categories).
 *
 * <p>{@link #seed} is deterministic (plain arithmetic on the partner id, no randomness), so tests
 * can name ids. For partner {@code i} in {@code 1..n}:
 *
 * <ul>
 *   <li>company when {@code i % 10 == 1} (10 %): 1, 11, 21, …; a company whose block {@code
 *       (i-1)/10} has {@code % 3 == 2} (21, 51, 81, …) has parent_id 1, a holding, so the hierarchy
 *       is three levels deep (1 → 21 → 22).
 *   <li>person with parent_id = its block's company when {@code i % 10} is 2..7 (e.g. 2..7 → 1,
 *       12..17 → 11); persons with {@code i % 10} in 8, 9, 0 have no parent.
 *   <li>customer_rank {@code (i % 3) + 1} when {@code i % 5} is 0, 1 or 2 (60 %), else 0;
 *       supplier_rank 1 when {@code i % 7 == 0}, else 0.
 *   <li>archived (active = false) when {@code i % 25} is 3 or 17 (8 %).
 *   <li>email NULL when {@code i % 6 == 5}; phone NULL when {@code i % 4 == 0}; country_id NULL
 *       when {@code i % 9 == 0}, else {@code (i % 5) + 1}; credit_limit NULL when {@code i % 3 ==
 *       0}, else {@code i * 1000.50} for companies and {@code i * 12.35} for persons.
 *   <li>create_date 2024-01-01 08:00 plus {@code i} hours; write_date {@code i % 30} days and 15
 *       minutes later.
 *   <li>categories: Customer (1) when customer_rank > 0, VIP (2, child of Customer) when
 *       customer_rank = 3, Gold (3, child of VIP) when {@code i % 15 == 0}, Supplier (4) when
 *       supplier_rank > 0, Legacy (5, archived) when {@code i % 20 == 0}.
 * </ul>
 *
 * <p>Countries: 1 UA, 2 PL, 3 DE, 4 US with uk_UA names; 5 FR with en_US only (to show the
 * fallback). Products: six templates (6 archived), seven variants (template 1 has two; variant 7
 * archived). Sale orders: one per customer ({@code customer_rank > 0}) with {@code i % 3 == 0}, *
 * numbered S00001…, with {@code 1 + k % 3} lines for order {@code k}; validity_date is 30 days
 * after date_order; amounts are exact.
 *
 * <p>Long because it is data: the demo schema and its seed rows as SQL text, read top to bottom.
 */
public final class OdooDemoDatabase {

  public static final long UKRAINE = 1;
  public static final long POLAND = 2;
  public static final long GERMANY = 3;
  public static final long UNITED_STATES = 4;
  public static final long FRANCE = 5;

  private static final String SCHEMA = "odoo-demo-schema.sql";
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 8, 0);

  private static final List<String> FIRST_NAMES =
      List.of(
          "Olena",
          "Taras",
          "Iryna",
          "Andrii",
          "Mariia",
          "Dmytro",
          "Sofiia",
          "Oleksandr",
          "Anna",
          "Maksym",
          "Kateryna",
          "Bohdan",
          "Yulia");
  private static final List<String> LAST_NAMES =
      List.of(
          "Shevchenko",
          "Kovalenko",
          "Bondarenko",
          "Tkachenko",
          "Kravchenko",
          "Oliinyk",
          "Melnyk",
          "O'Neill",
          "Moroz",
          "Lysenko",
          "Nowak",
          "Schmidt");
  private static final List<String> COMPANY_WORDS =
      List.of(
          "Dnipro",
          "Karpaty",
          "Sokil",
          "Horizon",
          "Polissia",
          "Zoria",
          "Veles",
          "Kvitka",
          "Stozhary",
          "Bereh",
          "Lileya");
  private static final List<String> COMPANY_SUFFIXES =
      List.of("LLC", "Trading", "Group", "Logistics", "GmbH", "Sp. z o.o.");
  private static final List<String> STREETS =
      List.of("Khreshchatyk", "Shevchenka Ave", "Market Square", "Lindenstrasse", "Main St");
  private static final List<List<String>> CITIES_BY_COUNTRY =
      List.of(
          List.of("Kyiv", "Lviv", "Odesa"),
          List.of("Warsaw", "Kraków"),
          List.of("Berlin", "Munich"),
          List.of("New York", "Chicago"),
          List.of("Paris", "Lyon"));
  private static final List<BigDecimal> LATITUDE_BY_COUNTRY =
      List.of(
          new BigDecimal("50.4501000"),
          new BigDecimal("52.2297000"),
          new BigDecimal("52.5200000"),
          new BigDecimal("40.7128000"),
          new BigDecimal("48.8566000"));

  private static final List<BigDecimal> VARIANT_PRICES =
      List.of(
          new BigDecimal("149.90"),
          new BigDecimal("149.90"),
          new BigDecimal("499.00"),
          new BigDecimal("95.00"),
          new BigDecimal("1200.00"),
          new BigDecimal("12.50"));
  private static final List<String> VARIANT_NAMES =
      List.of(
          "Office Chair (Black)",
          "Office Chair (White)",
          "Standing Desk",
          "Consulting Hour",
          "Support Plan",
          "Cable Kit");
  private static final List<String> ORDER_STATES =
      List.of("draft", "sent", "sale", "sale", "cancel");

  private OdooDemoDatabase() {}

  /** Creates the tables and their ir_model rows unless they exist. Safe to call repeatedly. */
  public static void createSchema(DataSource source) {
    try (Connection connection = source.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(schemaScript());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the Odoo demo schema", e);
    }
  }

  /**
   * Replaces the demo rows with the deterministic data set described on this class, for {@code
   * partners} partners (ids 1..partners). Creates the schema first if needed.
   */
  public static void seed(DataSource source, int partners) {
    if (partners < 0) {
      throw new IllegalArgumentException("partners must not be negative: " + partners);
    }
    createSchema(source);
    try (Connection connection = source.getConnection()) {
      connection.setAutoCommit(false);
      try {
        clear(connection);
        insertCountries(connection);
        insertCategories(connection);
        insertPartners(connection, partners);
        insertPartnerCategories(connection, partners);
        insertProducts(connection);
        insertSaleOrders(connection, partners);
        resetSequences(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot seed the Odoo demo database", e);
    }
  }

  /** Whether partner {@code i} is a company (10 % of partners). */
  public static boolean isCompany(long i) {
    return i % 10 == 1;
  }

  /** The partner's parent_id, or 0 when it has none. */
  public static long parentOf(long i) {
    if (isCompany(i)) {
      return i != 1 && ((i - 1) / 10) % 3 == 2 ? 1 : 0;
    }
    long inBlock = i % 10;
    return inBlock >= 2 && inBlock <= 7 ? i - inBlock + 1 : 0;
  }

  public static int customerRank(long i) {
    return i % 5 <= 2 ? (int) (i % 3) + 1 : 0;
  }

  public static int supplierRank(long i) {
    return i % 7 == 0 ? 1 : 0;
  }

  public static boolean isActive(long i) {
    return i % 25 != 3 && i % 25 != 17;
  }

  /** The partner's country_id, or 0 when it has none. */
  public static long countryOf(long i) {
    return i % 9 == 0 ? 0 : (i % 5) + 1;
  }

  private static String schemaScript() {
    try (InputStream script = OdooDemoDatabase.class.getResourceAsStream(SCHEMA)) {
      if (script == null) {
        throw new IllegalStateException("missing resource " + SCHEMA);
      }
      return new String(script.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void clear(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "TRUNCATE sale_order_line, sale_order, res_partner_res_partner_category_rel,"
              + " res_partner, product_product, product_template, res_partner_category,"
              + " res_country RESTART IDENTITY CASCADE");
    }
  }

  private static void insertCountries(Connection connection) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO res_country (id, code, name) VALUES (?, ?, CAST(? AS jsonb))")) {
      addCountry(insert, UKRAINE, "UA", translated("Ukraine", "Україна"));
      addCountry(insert, POLAND, "PL", translated("Poland", "Польща"));
      addCountry(insert, GERMANY, "DE", translated("Germany", "Німеччина"));
      addCountry(insert, UNITED_STATES, "US", translated("United States", "Сполучені Штати"));
      addCountry(insert, FRANCE, "FR", translated("France", null));
      insert.executeBatch();
    }
  }

  private static void addCountry(PreparedStatement insert, long id, String code, String name)
      throws SQLException {
    insert.setLong(1, id);
    insert.setString(2, code);
    insert.setString(3, name);
    insert.addBatch();
  }

  private static void insertCategories(Connection connection) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO res_partner_category (id, name, color, parent_id, parent_path, active)"
                + " VALUES (?, CAST(? AS jsonb), ?, ?, ?, ?)")) {
      addCategory(insert, 1, translated("Customer", "Клієнт"), 0, "1/", true);
      addCategory(insert, 2, translated("VIP", "VIP"), 1, "1/2/", true);
      addCategory(insert, 3, translated("Gold", "Золото"), 2, "1/2/3/", true);
      addCategory(insert, 4, translated("Supplier", "Постачальник"), 0, "4/", true);
      addCategory(insert, 5, translated("Legacy", "Застарілий"), 0, "5/", false);
      insert.executeBatch();
    }
  }

  private static void addCategory(
      PreparedStatement insert, int id, String name, int parent, String path, boolean active)
      throws SQLException {
    insert.setInt(1, id);
    insert.setString(2, name);
    insert.setInt(3, id);
    setNullableId(insert, 4, parent);
    insert.setString(5, path);
    insert.setBoolean(6, active);
    insert.addBatch();
  }

  private static void insertPartners(Connection connection, int partners) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            INSERT INTO res_partner (id, name, display_name, email, phone, street, city, zip,
                country_id, parent_id, is_company, customer_rank, supplier_rank, credit_limit,
                active, ref, comment, create_date, write_date, partner_latitude)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)) {
      for (long i = 1; i <= partners; i++) {
        addPartner(insert, i);
        if (i % 500 == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static void addPartner(PreparedStatement insert, long i) throws SQLException {
    boolean company = isCompany(i);
    long parent = parentOf(i);
    long country = countryOf(i);
    String name = partnerName(i);
    LocalDateTime created = EPOCH.plusHours(i);
    insert.setLong(1, i);
    insert.setString(2, name);
    insert.setString(3, parent != 0 && !company ? partnerName(parent) + ", " + name : name);
    insert.setString(4, i % 6 == 5 ? null : email(i));
    insert.setString(
        5, i % 4 == 0 ? null : "+380 44 %03d %02d %02d".formatted(i % 1000, i % 97, i % 89));
    insert.setString(6, (i % 120 + 1) + " " + STREETS.get((int) (i % STREETS.size())));
    insert.setString(7, country == 0 ? null : city(country, i));
    insert.setString(8, "%05d".formatted((i * 37) % 100000));
    setNullableId(insert, 9, country);
    setNullableId(insert, 10, parent);
    insert.setBoolean(11, company);
    insert.setInt(12, customerRank(i));
    insert.setInt(13, supplierRank(i));
    insert.setBigDecimal(14, creditLimit(i));
    insert.setBoolean(15, isActive(i));
    insert.setString(16, company ? "C%05d".formatted(i) : i % 2 == 0 ? "P%05d".formatted(i) : null);
    insert.setString(17, i % 8 == 0 ? "<p>Prefers email</p>" : null);
    insert.setObject(18, created);
    insert.setObject(19, created.plusDays(i % 30).plusMinutes(15));
    insert.setBigDecimal(
        20,
        country == 0
            ? null
            : LATITUDE_BY_COUNTRY.get((int) country - 1).add(BigDecimal.valueOf(i, 5)));
    insert.addBatch();
  }

  /** Persons are "First Last"; companies are "Word Suffix", unique for the first 66 blocks. */
  public static String partnerName(long i) {
    if (isCompany(i)) {
      long block = (i - 1) / 10;
      return COMPANY_WORDS.get((int) (block % COMPANY_WORDS.size()))
          + " "
          + COMPANY_SUFFIXES.get((int) ((block / COMPANY_WORDS.size()) % COMPANY_SUFFIXES.size()));
    }
    return FIRST_NAMES.get((int) (i % FIRST_NAMES.size()))
        + " "
        + LAST_NAMES.get((int) ((i / FIRST_NAMES.size()) % LAST_NAMES.size()));
  }

  private static String email(long i) {
    String slug = partnerName(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
    return isCompany(i) ? "info@" + slug.replace(".", "-") + ".example" : slug + i + "@example.com";
  }

  private static String city(long country, long i) {
    List<String> cities = CITIES_BY_COUNTRY.get((int) country - 1);
    return cities.get((int) (i % cities.size()));
  }

  private static BigDecimal creditLimit(long i) {
    if (i % 3 == 0) {
      return null;
    }
    BigDecimal factor = isCompany(i) ? new BigDecimal("1000.50") : new BigDecimal("12.35");
    return BigDecimal.valueOf(i).multiply(factor);
  }

  private static void insertPartnerCategories(Connection connection, int partners)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO res_partner_res_partner_category_rel (partner_id, category_id)"
                + " VALUES (?, ?)")) {
      for (long i = 1; i <= partners; i++) {
        if (customerRank(i) > 0) {
          addLink(insert, i, 1);
        }
        if (customerRank(i) == 3) {
          addLink(insert, i, 2);
        }
        if (i % 15 == 0) {
          addLink(insert, i, 3);
        }
        if (supplierRank(i) > 0) {
          addLink(insert, i, 4);
        }
        if (i % 20 == 0) {
          addLink(insert, i, 5);
        }
      }
      insert.executeBatch();
    }
  }

  private static void addLink(PreparedStatement insert, long partner, int category)
      throws SQLException {
    insert.setLong(1, partner);
    insert.setInt(2, category);
    insert.addBatch();
  }

  private static void insertProducts(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          """
          INSERT INTO product_template (id, name, type, list_price, active) VALUES
            (1, '{"en_US": "Office Chair", "uk_UA": "Офісне крісло"}', 'consu', 149.90, true),
            (2, '{"en_US": "Standing Desk", "uk_UA": "Стіл для роботи стоячи"}', 'consu', 499.00, true),
            (3, '{"en_US": "Consulting Hour", "uk_UA": "Година консультації"}', 'service', 95.00, true),
            (4, '{"en_US": "Support Plan"}', 'service', 1200.00, true),
            (5, '{"en_US": "Cable Kit", "uk_UA": "Набір кабелів"}', 'consu', 12.50, true),
            (6, '{"en_US": "Legacy Widget", "uk_UA": "Застарілий віджет"}', 'consu', 9.99, false);
          INSERT INTO product_product (id, product_tmpl_id, default_code, active) VALUES
            (1, 1, 'CHAIR-BLK', true), (2, 1, 'CHAIR-WHT', true), (3, 2, 'DESK-001', true),
            (4, 3, 'SRV-HOUR', true), (5, 4, 'SRV-PLAN', true), (6, 5, 'CABLE-KIT', true),
            (7, 6, 'WIDGET-OLD', false);
          """);
    }
  }

  private static void insertSaleOrders(Connection connection, int partners) throws SQLException {
    try (PreparedStatement order =
            connection.prepareStatement(
                "INSERT INTO sale_order (id, name, partner_id, state, date_order, validity_date,"
                    + " amount_total, create_date, write_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement line =
            connection.prepareStatement(
                "INSERT INTO sale_order_line (id, order_id, product_id, name, product_uom_qty,"
                    + " price_unit, price_subtotal) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      long orderId = 0;
      long lineId = 0;
      for (long i = 1; i <= partners; i++) {
        if (customerRank(i) == 0 || i % 3 != 0) {
          continue;
        }
        orderId++;
        BigDecimal total = BigDecimal.ZERO;
        for (long j = 0; j <= orderId % 3; j++) {
          int variant = (int) ((orderId + j) % VARIANT_PRICES.size());
          BigDecimal quantity = BigDecimal.valueOf(1 + (orderId + j) % 4);
          BigDecimal price = VARIANT_PRICES.get(variant);
          BigDecimal subtotal = quantity.multiply(price);
          total = total.add(subtotal);
          line.setLong(1, ++lineId);
          line.setLong(2, orderId);
          line.setLong(3, variant + 1);
          line.setString(4, VARIANT_NAMES.get(variant));
          line.setBigDecimal(5, quantity);
          line.setBigDecimal(6, price);
          line.setBigDecimal(7, subtotal);
          line.addBatch();
        }
        LocalDateTime ordered = LocalDateTime.of(2024, 3, 1, 9, 0).plusDays(orderId);
        order.setLong(1, orderId);
        order.setString(2, "S%05d".formatted(orderId));
        order.setLong(3, i);
        order.setString(4, ORDER_STATES.get((int) (orderId % ORDER_STATES.size())));
        order.setObject(5, ordered);
        order.setObject(6, ordered.toLocalDate().plusDays(30));
        order.setBigDecimal(7, total);
        order.setObject(8, ordered);
        order.setObject(9, ordered.plusHours(2));
        order.addBatch();
      }
      order.executeBatch();
      line.executeBatch();
    }
  }

  private static void resetSequences(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table :
          List.of(
              "res_country",
              "res_partner_category",
              "res_partner",
              "product_template",
              "product_product",
              "sale_order",
              "sale_order_line")) {
        statement.execute(
            "SELECT setval(pg_get_serial_sequence('%1$s', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM %1$s"
                .formatted(table));
      }
    }
  }

  private static String translated(String english, String ukrainian) {
    return ukrainian == null
        ? "{\"en_US\": \"%s\"}".formatted(english)
        : "{\"en_US\": \"%s\", \"uk_UA\": \"%s\"}".formatted(english, ukrainian);
  }

  private static void setNullableId(PreparedStatement statement, int index, long id)
      throws SQLException {
    if (id == 0) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, id);
    }
  }
}
