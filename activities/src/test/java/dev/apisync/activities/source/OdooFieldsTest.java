package dev.apisync.activities.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.PageQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 on an Odoo 17-shaped database ({@link Odoo17Fixture}): every field Odoo lists works as
 * Odoo's ORM reads and searches it, or is refused by name. Each expected answer is what Odoo would
 * select on this fixture, reasoned out in the test.
 */
class OdooFieldsTest {

  private static DataSource database;
  private static SourceCatalog catalog;
  private static DomainCompiler compiler;
  private static RecordReader reader;

  @BeforeAll
  static void createDatabase() {
    database = Odoo17Fixture.create("odoo17_fields");
    catalog = new SourceCatalog(database);
    compiler = new DomainCompiler(catalog);
    reader = new RecordReader(database, catalog);
  }

  @Test
  void variantsAreSearchedByTheirTemplatesName() {
    // name is product_tmpl_id.name: templates 1, 2, 3 and 5 say "desk"; variants 6 and 7 are
    // archived (template 5 being archived itself does not matter: related searches ignore it).
    assertThat(search("product.product", "[('name', 'ilike', 'desk')]"))
        .containsExactly(1L, 2L, 3L, 4L);
    assertThat(search("product.product", "[('list_price', '>=', 500)]"))
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void saleLinesAreSearchedThroughTheirProductsTemplate() {
    // product_id.detailed_type: product 5 (Consulting) is the only service.
    assertThat(search("sale.order.line", "[('product_id.detailed_type', '=', 'service')]"))
        .containsExactly(2L, 4L);
    // A stored many2one path is Odoo 17's "product_id in (search)": a line without a product
    // is not among the products that are not services.
    assertThat(search("sale.order.line", "[('product_id.detailed_type', '!=', 'service')]"))
        .containsExactly(1L, 5L, 6L);
  }

  @Test
  void aRelatedOfRelatedFieldResolvesToTheEnd() {
    // sale.order.line.product_type = product_id.detailed_type = product_id.product_tmpl_id....
    assertThat(search("sale.order.line", "[('product_type', '=', 'service')]"))
        .containsExactly(2L, 4L);
    assertThat(values(reader.read("sale.order.line", ids(1, 6), List.of("product_type"), "en_US")))
        .containsExactly(
            Map.entry(1L, "product"),
            Map.entry(2L, "service"),
            Map.entry(3L, "∅"),
            Map.entry(4L, "service"),
            Map.entry(5L, "consu"),
            Map.entry(6L, "product"));
  }

  @Test
  void emptyValuesAndNegationsOfARelatedFieldMatchRecordsWhosePathIsEmpty() {
    // Odoo's _search_related: "= False" and negations of a set value also match a record whose
    // many2one on the way is empty: line 3 has no product.
    assertThat(search("sale.order.line", "[('product_type', '=', False)]")).containsExactly(3L);
    assertThat(search("sale.order.line", "[('product_type', '!=', 'service')]"))
        .containsExactly(1L, 3L, 5L, 6L);
    assertThat(search("sale.order.line", "[('product_type', 'not in', ['service', 'consu'])]"))
        .containsExactly(1L, 3L, 6L);
    assertThat(search("sale.order.line", "['!', ('product_type', '=', 'service')]"))
        .containsExactly(1L, 3L, 5L, 6L);
    // A set value does not: "in" and "=" need the path.
    assertThat(search("sale.order.line", "[('product_type', 'in', ['consu', 'product'])]"))
        .containsExactly(1L, 5L, 6L);
  }

  @Test
  void childOfWorksOnARelatedMany2one() {
    // categ_id is product_tmpl_id.categ_id; below Saleable (2): Saleable and Office Furniture,
    // the categories of templates 1, 2, 3, 5 and 6, whose active variants are 1, 2, 3, 4 and 8.
    assertThat(search("product.product", "[('categ_id', 'child_of', 2)]"))
        .containsExactly(1L, 2L, 3L, 4L, 8L);
    assertThat(search("product.product", "[('categ_id', 'child_of', 'Saleable')]"))
        .containsExactly(1L, 2L, 3L, 4L, 8L);
    assertThat(search("product.product", "[('categ_id.name', '=', 'Services')]"))
        .containsExactly(5L);
    assertThat(search("product.product", "[('categ_id', 'any', [('name', '=', 'Services')])]"))
        .containsExactly(5L);
    // not any: "not in (the categories)" through the template, as _search_related gets it.
    assertThat(search("product.product", "[('categ_id', 'not any', [('name', '=', 'Services')])]"))
        .containsExactly(1L, 2L, 3L, 4L, 8L);
  }

  @Test
  void variantsReadTheirTemplatesFieldsInTheConfigsLanguageInOneQuery() {
    Map<Long, Map<String, Object>> rows =
        reader.read(
            "product.product",
            List.of(1L, 4L, 5L),
            List.of("name", "detailed_type", "list_price", "categ_id", "categ_id.complete_name"),
            "uk_UA");

    assertThat(rows.get(1L))
        .containsEntry("name", "Стіл")
        .containsEntry("detailed_type", "product")
        .containsEntry("list_price", new BigDecimal("500.00"))
        .containsEntry("categ_id", 3L)
        .containsEntry("categ_id.complete_name", "All / Saleable / Office Furniture");
    assertThat(rows.get(4L)).containsEntry("name", "Desk Lamp"); // no uk_UA: en_US
    assertThat(rows.get(5L)).containsEntry("name", "Консультація");
  }

  @Test
  void companyDependentValuesAreReadForTheCompanyWithTheDefault() {
    List<String> price = List.of("standard_price");
    // Variant 1 has its own value in both companies; 2 has none, so the company's default (7.5
    // in YourCompany) or the shared default (10); 3 has an explicit empty value in Chicago.
    assertThat(decimals(reader.read("product.product", ids(1, 3), price, "en_US", 1)))
        .containsExactly("320.25", "7.5", "900");
    assertThat(decimals(reader.read("product.product", ids(1, 3), price, "en_US", 2)))
        .containsExactly("300", "10", "∅");
    // Without a company: the main company (base.main_company, YourCompany).
    assertThat(decimals(reader.read("product.product", ids(1, 3), price, "en_US", 0)))
        .containsExactly("320.25", "7.5", "900");

    assertThat(search("product.product", "[('standard_price', '>', 100)]", 1))
        .containsExactly(1L, 3L);
    assertThat(search("product.product", "[('standard_price', '=', False)]", 2))
        .containsExactly(3L);
    assertThat(search("product.product", "[('standard_price', '=', 10)]", 2))
        .containsExactly(2L, 4L, 5L, 8L);
  }

  @Test
  void aCompanyDependentMany2oneIsFollowedLikeAnyMany2one() {
    List<String> paths = List.of("property_payment_term_id", "property_payment_term_id.name");

    Map<Long, Map<String, Object>> yourCompany =
        reader.read("res.partner", List.of(2L, 3L), paths, "uk_UA", 1);
    Map<Long, Map<String, Object>> chicago =
        reader.read("res.partner", List.of(2L, 3L), paths, "en_US", 2);

    assertThat(yourCompany.get(2L))
        .containsEntry("property_payment_term_id", 2L)
        .containsEntry("property_payment_term_id.name", "30 днів");
    assertThat(yourCompany.get(3L))
        .containsEntry("property_payment_term_id", 1L)
        .containsEntry("property_payment_term_id.name", "Негайна оплата");
    assertThat(chicago.get(2L))
        .containsEntry("property_payment_term_id.name", "End of Following Month");
    assertThat(search("res.partner", "[('property_payment_term_id.name', '=', '30 Days')]", 1))
        .containsExactly(2L);
  }

  @Test
  void partnersDisplayNameIsWhatOdoo17Shows() {
    assertThat(values(reader.read("res.partner", ids(1, 8), List.of("display_name"), "en_US")))
        .containsExactly(
            Map.entry(1L, "YourCompany"),
            Map.entry(2L, "Azure Interior"),
            Map.entry(3L, "Azure Interior, Brandon Freeman"),
            Map.entry(4L, "Azure Interior, Delivery Address"),
            Map.entry(5L, "Azure Interior, Billing Dept"),
            Map.entry(6L, "Joel Willis"),
            Map.entry(7L, "Joel Willis, Other Address"),
            Map.entry(8L, "Gemini Furniture, Freelancer"));
    assertThat(
            values(reader.read("res.partner", List.of(4L, 7L), List.of("display_name"), "uk_UA")))
        .containsExactly(
            Map.entry(4L, "Azure Interior, Адреса доставки"),
            Map.entry(7L, "Joel Willis, Інша адреса"));
    assertThat(search("res.partner", "[('display_name', 'ilike', 'azure interior, b')]"))
        .containsExactly(3L, 5L);
  }

  @Test
  void productsDisplayNameIsCodeNameAndVariantValues() {
    // "[code] name (values)": values of lines with one value (Steel) and of attributes that
    // create no variant (Initials) are left out; Color comes first by attribute sequence.
    assertThat(
            values(
                reader.read(
                    "product.product",
                    List.of(1L, 2L, 3L, 4L, 7L),
                    List.of("display_name"),
                    "en_US")))
        .containsExactly(
            Map.entry(1L, "[DESK-BLK] Desk (Black)"),
            Map.entry(2L, "[DESK-WHT] Desk (White)"),
            Map.entry(3L, "[LDESK] Large Desk"),
            Map.entry(4L, "Desk Lamp"),
            Map.entry(7L, "[DESK-OAK] Desk (Oak)"));
    assertThat(reader.read("product.product", List.of(1L), List.of("display_name"), "uk_UA"))
        .extractingByKey(1L)
        .extracting(row -> row.get("display_name"))
        .isEqualTo("[DESK-BLK] Стіл (Чорний)");
    // Any other model: its _rec_name column (complete_name for categories).
    assertThat(
            reader
                .read(
                    "sale.order.line",
                    List.of(1L),
                    List.of("product_id.display_name", "product_id.categ_id.display_name"),
                    "en_US")
                .get(1L))
        .containsEntry("product_id.display_name", "[DESK-BLK] Desk (Black)")
        .containsEntry("product_id.categ_id.display_name", "All / Saleable / Office Furniture");
  }

  @Test
  void selectionLabelsComeInTheConfigsLanguage() {
    List<String> type = List.of("detailed_type");

    assertThat(values(reader.readLabels("product.product", List.of(1L, 4L, 5L), type, "en_US", 0)))
        .containsExactly(
            Map.entry(1L, "Storable Product"),
            Map.entry(4L, "Consumable"),
            Map.entry(5L, "Service"));
    assertThat(values(reader.readLabels("product.product", List.of(1L, 4L, 5L), type, "uk_UA", 0)))
        .containsExactly(
            Map.entry(1L, "Складський товар"),
            Map.entry(4L, "Витратний матеріал"),
            Map.entry(5L, "Послуга"));
    assertThat(
            values(
                reader.readLabels(
                    "sale.order.line", List.of(2L, 3L), List.of("product_type"), "uk_UA", 0)))
        .containsExactly(Map.entry(2L, "Послуга"), Map.entry(3L, "∅"));
    assertThatThrownBy(
            () -> reader.readLabels("product.product", List.of(1L), List.of("name"), "en_US", 0))
        .hasMessage(
            "'name' on product.product is not a selection field described in ir_model_fields,"
                + " so it has no labels");
  }

  @Test
  void aComputedFieldThatIsNotStoredIsRefusedByName() {
    String refusal =
        "field 'lst_price' on product.product is computed and not stored: Odoo computes it in"
            + " Python, so it cannot be read from the database";

    assertThatThrownBy(() -> reader.read("product.product", List.of(1L), List.of("lst_price"), ""))
        .isInstanceOf(SourceException.class)
        .hasMessage(refusal);
    assertThatThrownBy(() -> search("sale.order.line", "[('product_id.lst_price', '>', 1)]"))
        .isInstanceOf(SourceException.class)
        .hasMessage(refusal + ", in term ('product_id.lst_price', '>', 1)");
  }

  @Test
  void aRelatedFieldThatLoopsIsRefused() {
    TestPostgres.execute(
        database,
        """
        INSERT INTO ir_model_fields (model_id, model, name, field_description, ttype, store, related)
        SELECT id, 'res.company', 'x_a', '{"en_US": "A"}', 'char', false, 'x_b' FROM ir_model
        WHERE model = 'res.company';
        INSERT INTO ir_model_fields (model_id, model, name, field_description, ttype, store, related)
        SELECT id, 'res.company', 'x_b', '{"en_US": "B"}', 'char', false, 'x_a' FROM ir_model
        WHERE model = 'res.company';
        """);
    try {
      SourceCatalog fresh = new SourceCatalog(database);
      assertThatThrownBy(() -> fresh.resolvePath("res.company", "x_a"))
          .hasMessage(
              "related field 'x_a' on res.company loops: res.company.x_a → res.company.x_b →"
                  + " res.company.x_a");
    } finally {
      TestPostgres.execute(database, "DELETE FROM ir_model_fields WHERE name IN ('x_a', 'x_b')");
    }
  }

  @Test
  void companyRecordsOnlyKeepsTheCompanysRecordsAndThoseWithoutOne() {
    RecordSource pages = new RecordSource(database, compiler);

    // Variants take company_id from their template: templates 1 and 4 have none, 3 and 6 are
    // Chicago's (2), 2 is YourCompany's (1).
    assertThat(pages.fetchPage(companyPage("product.product", 2)).ids())
        .containsExactly(1L, 2L, 4L, 5L, 8L);
    assertThat(pages.fetchPage(companyPage("product.product", 0)).ids())
        .containsExactly(1L, 2L, 3L, 5L);
    assertThat(pages.fetchPage(companyPage("sale.order.line", 2)).ids())
        .containsExactly(4L, 5L, 6L);
    assertThatThrownBy(() -> pages.fetchPage(companyPage("product.category", 1)))
        .hasMessage(
            "product.category has no company_id field, so its records belong to no company");
  }

  private static PageQuery companyPage(String model, long company) {
    return new PageQuery(model, "[]", List.of(), 0, 100, 0, "en_US", company, true, false, "", "");
  }

  private static List<Long> search(String model, String domain) {
    return search(model, domain, 0);
  }

  private static List<Long> search(String model, String domain, long company) {
    SqlCondition condition = compiler.compile(model, domain, "r", "en_US", Instant.now(), company);
    return SourceFixtures.select(database, ModelNames.table(model), condition);
  }

  private static List<Long> ids(long from, long to) {
    return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
  }

  /** The one value of each record, as text, "∅" for null; in id order. */
  private static Map<Long, String> values(Map<Long, Map<String, Object>> rows) {
    Map<Long, String> values = new java.util.LinkedHashMap<>();
    rows.forEach(
        (id, row) -> {
          Object value = row.values().iterator().next();
          values.put(id, value == null ? "∅" : value.toString());
        });
    return values;
  }

  private static List<String> decimals(Map<Long, Map<String, Object>> rows) {
    return rows.values().stream()
        .map(row -> row.values().iterator().next())
        .map(v -> v == null ? "∅" : ((BigDecimal) v).stripTrailingZeros().toPlainString())
        .toList();
  }
}
