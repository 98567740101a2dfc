package dev.apisync.activities.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.Odoo17Fixture;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.testing.TestConfigStores;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.ValueType;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Saving a product sync on an Odoo 17 source: Odoo's fields are accepted or refused by name. */
class ConfigValidatorOdooFieldsTest {

  private static ConfigStore store;
  private static ConfigValidator validator;

  @BeforeAll
  static void setUp() {
    store = TestConfigStores.fresh("config_validator_odoo");
    SourceCatalog catalog = new SourceCatalog(Odoo17Fixture.create("config_odoo_source"));
    validator = new ConfigValidator(catalog, new DomainCompiler(catalog), store);
  }

  @Test
  void acceptsAProductSyncOnInheritedRelatedCompanyDependentAndDisplayFields() {
    SyncConfig config = products().build();

    assertThat(validator.validate(ConfigDraft.of(config), 0)).isEmpty();
    long id = store.create(config);
    assertThat(store.find(id).orElseThrow().snapshot())
        .satisfies(
            snapshot -> {
              assertThat(snapshot.companyId()).isEqualTo(2);
              assertThat(snapshot.companyRecordsOnly()).isTrue();
            });
  }

  @Test
  void refusesAComputedFieldThatIsNotStoredByName() {
    assertThat(
            errors(
                c ->
                    c.line(new SyncConfig.Line("lst_price", "lst", ValueType.PLAIN, false, 0, ""))))
        .containsExactly(
            "lines[6].field: field 'lst_price' on product.product is computed and not stored:"
                + " Odoo computes it in Python, so it cannot be read from the database");
    assertThat(errors(c -> c.filterDomain("[('lst_price', '>', 0)]")))
        .containsExactly(
            "filterDomain: field 'lst_price' on product.product is computed and not stored: Odoo"
                + " computes it in Python, so it cannot be read from the database, in term"
                + " ('lst_price', '>', 0)");
  }

  @Test
  void refusesASelectionLabelOfAFieldWithoutLabels() {
    assertThat(
            errors(
                c ->
                    c.line(
                        new SyncConfig.Line(
                            "name", "label", ValueType.SELECTION_LABEL, false, 0, ""))))
        .containsExactly(
            "lines[6].field: 'name' is not a selection field described in ir_model_fields; a"
                + " selection_label line needs one");
  }

  @Test
  void refusesACompanyTheSourceDoesNotHave() {
    assertThat(errors(c -> c.companyId(9L)))
        .containsExactly("companyId: the source database has no res_company with id 9");
  }

  @Test
  void refusesCompanyRecordsOnlyOnAModelWithoutACompany() {
    assertThat(
            errors(
                c ->
                    c.model("product.category")
                        .filterDomain("[]")
                        .lines(
                            List.of(
                                new SyncConfig.Line("id", "id", ValueType.PLAIN, true, 0, ""),
                                new SyncConfig.Line(
                                    "display_name", "name", ValueType.PLAIN, false, 0, "")))))
        .containsExactly(
            "companyRecordsOnly: product.category has no company_id field, so its records belong"
                + " to no company");
  }

  /** Variants with template fields, a company-dependent cost, a label and Odoo's display name. */
  private static SyncConfig.Builder products() {
    return SyncConfig.builder()
        .name("products " + UUID.randomUUID())
        .model("product.product")
        .filterDomain("[('detailed_type', '!=', 'service'), ('name', 'ilike', 'desk')]")
        .requestUrl("https://shop.example.com/products")
        .httpMethod(HttpMethod.POST)
        .companyId(2L)
        .companyRecordsOnly(true)
        .line(new SyncConfig.Line("id", "id", ValueType.PLAIN, true, 0, ""))
        .line(new SyncConfig.Line("name", "name", ValueType.PLAIN, false, 0, ""))
        .line(new SyncConfig.Line("detailed_type", "type", ValueType.SELECTION_LABEL, false, 0, ""))
        .line(new SyncConfig.Line("list_price", "price", ValueType.PLAIN, false, 0, ""))
        .line(new SyncConfig.Line("standard_price", "cost", ValueType.PLAIN, false, 0, ""))
        .line(new SyncConfig.Line("display_name", "title", ValueType.PLAIN, false, 0, ""));
  }

  private static List<String> errors(UnaryOperator<SyncConfig.Builder> edit) {
    return validator.validate(ConfigDraft.of(edit.apply(products()).build()), 0).stream()
        .map(FieldError::toString)
        .toList();
  }
}
