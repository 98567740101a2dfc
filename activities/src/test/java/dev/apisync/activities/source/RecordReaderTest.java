package dev.apisync.activities.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.testing.CountingDataSource;
import dev.apisync.activities.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads the partners of {@link SourceFixtures}, plus a few rows made for exact values. */
class RecordReaderTest {

  private static CountingDataSource statements;
  private static DataSource database;
  private static RecordReader reader;

  @BeforeAll
  static void createPartners() {
    database = TestPostgres.freshDatabase("reader");
    SourceFixtures.createPartners(database);
    TestPostgres.execute(
        database,
        """
        ALTER TABLE sale_order ADD COLUMN x_confirmed_at timestamptz, ADD COLUMN x_ratio float8,
            ADD COLUMN x_views bigint, ADD COLUMN x_meta jsonb;
        UPDATE sale_order SET validity_date = '2024-04-01', x_confirmed_at = '2024-03-01 10:00:00+02',
            x_ratio = 0.25, x_views = 9007199254740993, x_meta = '{"channel": "web"}' WHERE id = 1;
                INSERT INTO ir_model_fields (model_id, model, name, field_description, ttype)
        SELECT id, model, f.name, '{"en_US": "custom"}', f.ttype
        FROM ir_model, (VALUES ('x_confirmed_at', 'datetime'), ('x_ratio', 'float'),
                               ('x_views', 'integer'), ('x_meta', 'json')) AS f (name, ttype)
        WHERE model = 'sale.order';
        INSERT INTO res_partner (id, name, credit_limit, partner_latitude, active)
        VALUES (20, 'Exact', 0.1 + 0.2, 50.4501, true);
        """);
    statements = new CountingDataSource(database);
    reader = new RecordReader(statements.dataSource(), new SourceCatalog(database));
  }

  @BeforeEach
  void forgetStatements() {
    statements.clear();
  }

  @Test
  void keepsNumericsExact() {
    Map<Long, Map<String, Object>> records =
        read(List.of(9L, 20L), List.of("credit_limit", "partner_latitude"));

    assertThat(records.get(9L).get("credit_limit")).isEqualTo(new BigDecimal("1234567890.12"));
    assertThat(records.get(20L).get("credit_limit")).isEqualTo(new BigDecimal("0.3"));
    assertThat(records.get(20L).get("partner_latitude")).isEqualTo(new BigDecimal("50.4501000"));
  }

  @Test
  void convertsEachColumnTypeToItsJavaType() {
    Map<String, Object> partner =
        read(
                List.of(1L),
                List.of("id", "name", "customer_rank", "is_company", "create_date", "country_id"))
            .get(1L);

    assertThat(partner)
        .containsEntry("id", 1L)
        .containsEntry("name", "Acme Corp")
        .containsEntry("customer_rank", 2)
        .containsEntry("is_company", true)
        .containsEntry("create_date", LocalDateTime.of(2024, 1, 10, 10, 0))
        .containsEntry("country_id", 1L);
  }

  @Test
  void readsDatesTimestampsWithZonesAndOtherTypes() {
    Map<String, Object> order =
        reader
            .read(
                "sale.order",
                List.of(1L),
                List.of(
                    "validity_date",
                    "date_order",
                    "x_confirmed_at",
                    "x_ratio",
                    "x_views",
                    "x_meta",
                    "amount_total"),
                "en_US")
            .get(1L);

    assertThat(order.get("validity_date")).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(order.get("date_order")).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 0));
    assertThat((OffsetDateTime) order.get("x_confirmed_at"))
        .isEqualTo(OffsetDateTime.of(2024, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC));
    assertThat(order.get("x_ratio")).isEqualTo(0.25);
    assertThat(order.get("x_views")).isEqualTo(9007199254740993L);
    assertThat(order.get("x_meta")).isEqualTo("{\"channel\": \"web\"}");
    assertThat(order.get("amount_total")).isEqualTo(new BigDecimal("100.00"));
  }

  @Test
  void readsSqlNullAsNull() {
    Map<String, Object> frank =
        read(List.of(8L), List.of("email", "is_company", "credit_limit", "country_id")).get(8L);

    assertThat(frank).containsOnlyKeys("email", "is_company", "credit_limit", "country_id");
    assertThat(frank.values()).containsOnlyNulls();
  }

  @Test
  void followsDottedMany2onePathsAndReadsABrokenLinkAsNull() {
    Map<Long, Map<String, Object>> records =
        read(
            List.of(5L, 7L, 11L),
            List.of("parent_id.name", "parent_id.parent_id.name", "parent_id.country_id.code"));

    assertThat(records.get(5L))
        .containsEntry("parent_id.name", "Globex GmbH")
        .containsEntry("parent_id.parent_id.name", "Acme Corp")
        .containsEntry("parent_id.country_id.code", "DE");
    assertThat(records.get(11L)).containsEntry("parent_id.parent_id.name", "Globex GmbH");
    assertThat(records.get(7L).values()).containsOnlyNulls();
  }

  @Test
  void sharesOneJoinPerPathPrefixInOneQuery() {
    read(
        List.of(2L, 3L, 5L),
        List.of("name", "parent_id.name", "parent_id.email", "parent_id.country_id.code", "email"));

    assertThat(statements.statements()).hasSize(1);
    String sql = statements.statements().get(0);
    assertThat(sql.split("LEFT JOIN", -1)).hasSize(3);
  }

  @Test
  void readsTranslationsInTheAskedLanguageWithEnglishFallback() {
    List<String> paths = List.of("country_id.name");

    assertThat(reader.read("res.partner", List.of(1L, 7L), paths, "uk_UA"))
        .containsEntry(1L, Map.of("country_id.name", "Україна"))
        .containsEntry(7L, Map.of("country_id.name", "France"));
    assertThat(reader.read("res.partner", List.of(1L), paths, "en_US"))
        .containsEntry(1L, Map.of("country_id.name", "Ukraine"));
    assertThat(reader.read("res.partner", List.of(1L), paths, "de_DE"))
        .containsEntry(1L, Map.of("country_id.name", "Ukraine"));
  }

  @Test
  void returnsExistingIdsInAscendingOrderIncludingArchivedOnes() {
    Map<Long, Map<String, Object>> records = read(List.of(9L, 404L, 2L, 6L), List.of("name"));

    assertThat(records.keySet()).containsExactly(2L, 6L, 9L);
  }

  @Test
  void readsNothingForNoIds() {
    assertThat(read(List.of(), List.of("name"))).isEmpty();
    assertThat(statements.statements()).isEmpty();
  }

  @Test
  void refusesX2manyAndUnknownPaths() {
    assertThatThrownBy(() -> read(List.of(1L), List.of("child_ids")))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("'child_ids' on res.partner is a one2many field");
    assertThatThrownBy(() -> read(List.of(1L), List.of("parent_id.category_id")))
        .hasMessageStartingWith("'category_id' on res.partner is a many2many field");
    assertThatThrownBy(() -> read(List.of(1L), List.of("parent_id.nme")))
        .hasMessage("unknown field 'nme' on res.partner (in path 'parent_id.nme')");
  }

  private static Map<Long, Map<String, Object>> read(List<Long> ids, List<String> paths) {
    return reader.read("res.partner", ids, paths, "en_US");
  }
}
