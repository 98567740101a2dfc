package dev.apisync.activities.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.mapping.PlainLineResolver;
import dev.apisync.activities.mapping.RecordMapper;
import dev.apisync.activities.source.Odoo17Fixture;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.testing.TestScripts;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import dev.apisync.workflows.ValueType;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A product sync on Odoo 17 (issue 11's acceptance): each variant goes out with its template's
 * name, type and price, its company-dependent cost, and its display_name as Odoo shows it; Python
 * reads the same inherited fields on the variant.
 */
class OdooProductSyncTest {

  private static final DataSource DATABASE = Odoo17Fixture.create("odoo17_product_sync");

  @Test
  void sendsEachVariantWithItsTemplatesFieldsAndItsDisplayName() {
    RecordReader reader = new RecordReader(DATABASE, new SourceCatalog(DATABASE));
    ScriptSource scripts = ScriptFixtures.scriptSource(DATABASE);
    RecordMapper mapper =
        new RecordMapper(
            reader,
            List.of(
                new PlainLineResolver(reader),
                PlainLineResolver.selectionLabels(reader),
                PythonLineResolver.python(
                    TestScripts.shared(),
                    scripts,
                    Clock.fixed(ScriptFixtures.NOW, ZoneOffset.UTC))));
    ConfigSnapshot config =
        new ConfigSnapshot(
            11,
            "products",
            "product.product",
            "[]",
            "https://shop.example.com/products",
            HttpMethod.POST,
            5,
            15,
            false,
            100,
            0,
            RetrySettings.DEFAULTS,
            List.of(
                line("default_code", "sku", ValueType.PLAIN, true, ""),
                line("name", "name", ValueType.PLAIN, false, ""),
                line("detailed_type", "type", ValueType.SELECTION_LABEL, false, ""),
                line("list_price", "price", ValueType.PLAIN, false, ""),
                line("standard_price", "cost", ValueType.PLAIN, false, ""),
                line("display_name", "title", ValueType.PLAIN, false, ""),
                line("", "shout", ValueType.PYTHON, false, "record.name.upper()")),
            "uk_UA",
            true,
            "",
            0,
            1,
            1.0,
            5,
            2,
            false,
            false,
            "",
            OutageSettings.DEFAULTS);

    MappedPage page = mapper.map(config, List.of(1L, 4L));
    List<String> bodies = page.records().stream().map(MappedRecord::json).toList();

    assertThat(page.failures()).isEmpty();
    assertThatThrownBy(
            () ->
                ScriptFixtures.run(
                    scripts, "product.product", List.of(1L), "result = record.lst_price", "{}"))
        .hasMessageContaining(
            "field 'lst_price' on product.product is computed and not stored: Odoo computes it in"
                + " Python");
    // Variant 1 costs 300 in company 2; variant 4 has no own cost there: the shared default 10.
    assertThat(bodies)
        .containsExactly(
            "{\"sku\":\"DESK-BLK\",\"name\":\"Стіл\",\"type\":\"Складський товар\",\"price\":500.00,"
                + "\"cost\":300,\"title\":\"[DESK-BLK] Стіл (Чорний)\",\"shout\":\"СТІЛ\"}",
            "{\"sku\":null,\"name\":\"Desk Lamp\",\"type\":\"Витратний матеріал\",\"price\":45.50,"
                + "\"cost\":10,\"title\":\"Desk Lamp\",\"shout\":\"DESK LAMP\"}");
  }

  private static FieldLine line(
      String field, String key, ValueType type, boolean identifier, String expression) {
    return new FieldLine(field, key, type, identifier, 0, expression);
  }
}
