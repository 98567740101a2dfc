package dev.apisync.activities.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.activities.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SourceCatalogTest {

  /** A database with Odoo's ir_model_fields: relations come from there. */
  @Nested
  class WithIrModelFields {

    private static DataSource database;
    private static SourceCatalog catalog;

    @BeforeAll
    static void createOdooSchema() {
      database = TestPostgres.freshDatabase("catalog_ir");
      OdooDemoDatabase.createSchema(database);
      catalog = new SourceCatalog(database);
    }

    @Test
    void mapsTheModelNameToItsTable() {
      ModelInfo partner = catalog.model("res.partner").orElseThrow();
      assertThat(partner.table()).isEqualTo("res_partner");
      assertThat(partner.hasActiveFlag()).isTrue();
      assertThat(catalog.model("res.country").orElseThrow().hasActiveFlag()).isFalse();
    }

    @Test
    void readsEveryKindOfFieldFromIrModelFields() {
      ModelInfo partner = catalog.model("res.partner").orElseThrow();

      assertThat(partner.field("country_id").orElseThrow())
          .usingRecursiveComparison()
          .ignoringFields("odooType", "fieldId")
          .isEqualTo(
              new FieldInfo(
                  "country_id",
                  "country_id",
                  FieldKind.MANY2ONE,
                  "integer",
                  "res.country",
                  "",
                  "",
                  "",
                  "",
                  false));
      assertThat(partner.field("child_ids").orElseThrow())
          .usingRecursiveComparison()
          .ignoringFields("odooType", "fieldId")
          .isEqualTo(
              new FieldInfo(
                  "child_ids",
                  "",
                  FieldKind.ONE2MANY,
                  "",
                  "res.partner",
                  "",
                  "",
                  "",
                  "parent_id",
                  false));
      assertThat(partner.field("category_id").orElseThrow())
          .usingRecursiveComparison()
          .ignoringFields("odooType", "fieldId")
          .isEqualTo(
              new FieldInfo(
                  "category_id",
                  "",
                  FieldKind.MANY2MANY,
                  "",
                  "res.partner.category",
                  "res_partner_res_partner_category_rel",
                  "partner_id",
                  "category_id",
                  "",
                  false));
      assertThat(partner.field("credit_limit").orElseThrow().sqlType()).isEqualTo("numeric");
      assertThat(partner.field("create_date").orElseThrow().sqlType())
          .isEqualTo("timestamp without time zone");
      assertThat(partner.field("name").orElseThrow().translatable()).isFalse();
    }

    @Test
    void marksTranslatableJsonbFields() {
      assertThat(catalog.model("res.country").orElseThrow().field("name").orElseThrow())
          .extracting(FieldInfo::kind, FieldInfo::sqlType, FieldInfo::translatable)
          .containsExactly(FieldKind.SCALAR, "jsonb", true);
    }

    @Test
    void refusesAComputedFieldThatIsNotStoredByName() {
      assertThat(catalog.model("res.partner").orElseThrow().field("contact_address"))
          .get()
          .extracting(FieldInfo::source)
          .isEqualTo(new FieldSource.Computed());
      assertThatThrownBy(() -> catalog.resolvePath("res.partner", "parent_id.contact_address"))
          .isInstanceOf(SourceException.class)
          .hasMessage(
              "field 'contact_address' on res.partner is computed and not stored: Odoo computes"
                  + " it in Python, so it cannot be read from the database");
    }

    @Test
    void fallsBackToForeignKeysForATableIrModelFieldsDoesNotDescribe() {
      TestPostgres.execute(
          database,
          "CREATE TABLE x_loyalty_card (id serial PRIMARY KEY, code varchar,"
              + " partner_id integer REFERENCES res_partner (id))");

      ModelInfo card = catalog.model("x.loyalty.card").orElseThrow();

      assertThat(card.field("partner_id").orElseThrow())
          .extracting(FieldInfo::kind, FieldInfo::relatedModel)
          .containsExactly(FieldKind.MANY2ONE, "res.partner");
      assertThat(card.field("code").orElseThrow().kind()).isEqualTo(FieldKind.SCALAR);
    }

    @Test
    void answersEmptyForAModelWithoutATable() {
      assertThat(catalog.model("res.nothing")).isEmpty();
    }

    @Test
    void resolvesADottedPathThroughMany2ones() {
      FieldPath path = catalog.resolvePath("res.partner", "parent_id.country_id.code");

      assertThat(path.steps())
          .extracting(FieldInfo::name)
          .containsExactly("parent_id", "country_id", "code");
      assertThat(path.last().sqlType()).isEqualTo("character varying");
    }

    @Test
    void namesTheUnknownStepAndTheModelItWasLookedUpOn() {
      assertThatThrownBy(() -> catalog.resolvePath("res.partner", "parent_id.foo"))
          .isInstanceOf(SourceException.class)
          .hasMessage("unknown field 'foo' on res.partner (in path 'parent_id.foo')");
      assertThatThrownBy(() -> catalog.resolvePath("res.partner", "country_id.nme"))
          .hasMessage("unknown field 'nme' on res.country (in path 'country_id.nme')");
      assertThatThrownBy(() -> catalog.resolvePath("res.partner", "nme"))
          .hasMessage("unknown field 'nme' on res.partner");
    }

    @Test
    void refusesToFollowAFieldThatIsNotAMany2one() {
      assertThatThrownBy(() -> catalog.resolvePath("res.partner", "name.country_id"))
          .hasMessage("'name' on res.partner is not a many2one, cannot follow '.country_id'");
      assertThatThrownBy(() -> catalog.resolvePath("res.partner", "child_ids.name"))
          .hasMessage("'child_ids' on res.partner is not a many2one, cannot follow '.name'");
    }
  }

  /** A plain PostgreSQL database without ir_model: relations come from foreign keys. */
  @Nested
  class WithForeignKeysOnly {

    private static DataSource database;
    private static SourceCatalog catalog;

    @BeforeAll
    static void createSchemaWithoutIrModel() {
      database = TestPostgres.freshDatabase("catalog_fk");
      SourceFixtures.createPartners(database);
      TestPostgres.execute(
          database,
          """
          DROP TABLE ir_model_fields, ir_model;
          CREATE TABLE x_event (id serial PRIMARY KEY, payload jsonb, happened_at timestamptz);
          INSERT INTO x_event (payload, happened_at) VALUES ('{"kind": "signup"}', now());
          """);
      catalog = new SourceCatalog(database);
    }

    @Test
    void turnsForeignKeysIntoMany2ones() {
      ModelInfo partner = catalog.model("res.partner").orElseThrow();

      assertThat(partner.field("country_id").orElseThrow())
          .extracting(FieldInfo::kind, FieldInfo::relatedModel, FieldInfo::column)
          .containsExactly(FieldKind.MANY2ONE, "res.country", "country_id");
      assertThat(partner.field("parent_id").orElseThrow().relatedModel()).isEqualTo("res.partner");
      assertThat(catalog.model("sale.order.line").orElseThrow().field("order_id").orElseThrow())
          .extracting(FieldInfo::kind, FieldInfo::relatedModel)
          .containsExactly(FieldKind.MANY2ONE, "sale.order");
    }

    @Test
    void makesEveryOtherColumnAScalarField() {
      ModelInfo partner = catalog.model("res.partner").orElseThrow();

      assertThat(partner.fields()).containsKeys("id", "name", "email", "active", "credit_limit");
      assertThat(partner.fields().values())
          .extracting(FieldInfo::kind)
          .containsOnly(FieldKind.SCALAR, FieldKind.MANY2ONE);
      assertThat(partner.hasActiveFlag()).isTrue();
    }

    @Test
    void takesJsonbHoldingLanguageKeysForTranslations() {
      assertThat(
              catalog.model("res.country").orElseThrow().field("name").orElseThrow().translatable())
          .isTrue();
      assertThat(
              catalog.model("x.event").orElseThrow().field("payload").orElseThrow().translatable())
          .isFalse();
    }

    @Test
    void compilesDottedDomainsOverForeignKeys() {
      DomainCompiler compiler = new DomainCompiler(catalog);
      SqlCondition condition =
          compiler.compile("res.partner", "[('parent_id.country_id.code', '=', 'DE')]", "r");

      assertThat(SourceFixtures.select(database, "res_partner", condition))
          .containsExactly(5L, 11L);
    }
  }

  @Test
  void keepsAModelUntilItsTimeToLiveRunsOutOrARefresh() {
    DataSource database = TestPostgres.freshDatabase("catalog_cache");
    TestPostgres.execute(database, "CREATE TABLE x_note (id serial PRIMARY KEY, body text)");
    MutableClock clock = new MutableClock();
    SourceCatalog catalog = new SourceCatalog(database, Duration.ofMinutes(5), clock);
    assertThat(catalog.model("x.note").orElseThrow().fields()).containsOnlyKeys("id", "body");

    TestPostgres.execute(database, "ALTER TABLE x_note ADD COLUMN title varchar");
    clock.advance(Duration.ofMinutes(4));
    assertThat(catalog.model("x.note").orElseThrow().fields()).doesNotContainKey("title");

    clock.advance(Duration.ofMinutes(1));
    assertThat(catalog.model("x.note").orElseThrow().fields()).containsKey("title");

    TestPostgres.execute(database, "ALTER TABLE x_note ADD COLUMN author varchar");
    catalog.refresh();
    assertThat(catalog.model("x.note").orElseThrow().fields()).containsKey("author");
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
