package dev.apisync.activities.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Odoo recordset semantics in scripts, against real PostgreSQL (see {@link ScriptFixtures}). */
class RecordSetTest {

  private static final ScriptSource SOURCE =
      ScriptFixtures.scriptSource(ScriptFixtures.create("recordsets"));
  private static final List<Long> ORDERS = List.of(1L, 2L, 3L);

  private static String orders(String script) {
    return ScriptFixtures.run(SOURCE, "sale.order", ORDERS, script, "[]").orElseThrow();
  }

  private static String partner(long id, String script, String language) {
    return ScriptFixtures.run(SOURCE, "res.partner", List.of(id), script, "{}", language)
        .orElseThrow();
  }

  @Test
  void iteratesAndCountsThePageInIdOrder() {
    assertThat(orders("result = {'names': [o.name for o in records], 'count': len(records)}"))
        .isEqualTo("{\"names\":[\"S1\",\"S2\",\"S3\"],\"count\":3}");
  }

  @Test
  void mappedFollowsMany2onePathsAndReturnsRecordsets() {
    // As in Odoo, each relational step is a union: the two Ukrainian partners share a country.
    assertThat(orders("result = records.mapped('partner_id.country_id.code')"))
        .isEqualTo("[\"UA\",\"US\"]");
    assertThat(orders("result = [o.partner_id.country_id.code for o in records]"))
        .isEqualTo("[\"UA\",\"UA\",\"US\"]");
    assertThat(orders("p = records.mapped('partner_id')\nresult = [p._name, p.ids]"))
        .isEqualTo("[\"res.partner\",[1,2,3]]");
    assertThat(orders("result = records.mapped('partner_id.parent_id').ids")).isEqualTo("[1]");
  }

  @Test
  void many2oneTraversalReturnsRecords() {
    assertThat(
            orders(
                "p = records[1].partner_id\n"
                    + "result = [repr(p), p.name, p.parent_id.name, p.parent_id.parent_id.ids]"))
        .isEqualTo("[\"res.partner(2,)\",\"Alice Smith\",\"Acme Corp\",[]]");
  }

  @Test
  void filteredTakesAFieldPathOrAFunction() {
    assertThat(orders("result = records.filtered(lambda o: o.amount_total > 20).mapped('name')"))
        .isEqualTo("[\"S1\",\"S2\"]");
    assertThat(orders("result = records.filtered('partner_id.parent_id').ids")).isEqualTo("[2,3]");
  }

  @Test
  void fieldOfAMultiRecordSetRaisesOdoosSingletonError() {
    assertThatThrownBy(() -> orders("result = records.name"))
        .isInstanceOf(ScriptException.class)
        .hasMessage("ValueError: Expected singleton: sale.order(1, 2, 3) (line 1)")
        .satisfies(
            e ->
                assertThat(((ScriptException) e).traceback())
                    .contains("File \"requestScript\", line 1, in <module>")
                    .contains("result = records.name"));
  }

  @Test
  void translatedFieldsAreTextInTheConfigsLanguageFallingBackToEnglish() {
    String script = "result = [record.country_id.name, record.parent_id.country_id.name]";
    assertThat(partner(2, script, "uk_UA")).isEqualTo("[\"Україна\",\"Україна\"]");
    assertThat(partner(2, script, "en_US")).isEqualTo("[\"Ukraine\",\"Ukraine\"]");
    assertThat(partner(3, "result = record.country_id.name", "uk_UA"))
        .isEqualTo("\"United States\"");
  }

  @Test
  void emptyValuesAreFalseAsInOdoo() {
    assertThat(
            partner(
                3,
                "result = [record.phone, record.phone or '', record.credit_limit,"
                    + " bool(record.parent_id.parent_id), record.parent_id.parent_id.name]",
                "en_US"))
        .isEqualTo("[false,\"\",0.0,false,false]");
  }

  @Test
  void numbersAreFloatsAndDatesAreDatetimes() {
    assertThat(
            orders(
                "o = records[0]\n"
                    + "result = [sum(records.mapped('amount_total')), o.create_date.strftime('%d.%m.%Y'),"
                    + " type(o.create_date).__name__, o.create_date]"))
        .isEqualTo("[160.25,\"25.11.2026\",\"datetime\",\"2026-11-25T09:00:00Z\"]");
  }

  @Test
  void one2manyFieldsAreRecordsets() {
    assertThat(
            orders(
                "result = [o.order_line.mapped('price_subtotal') for o in records]"
                    + " + [records.mapped('order_line.name')]"))
        .isEqualTo("[[60.0,40.0],[50.25],[],[\"Chair\",\"Desk\",\"Cable\"]]");
  }

  @Test
  void envSearchesBrowsesAndCountsAnyModelHidingArchivedRecords() {
    assertThat(
            orders(
                "Partner = env['res.partner']\n"
                    + "result = {\n"
                    + "  'search': Partner.search([('parent_id', '=', 1)], order='name desc').mapped('name'),\n"
                    + "  'limit': Partner.search([], limit=2).ids,\n"
                    + "  'count': Partner.search_count([]),\n"
                    + "  'archived': Partner.search_count([('active', '=', False)]),\n"
                    + "  'browse': Partner.browse(4).name,\n"
                    + "  'model': model._name,\n"
                    + "}"))
        .isEqualTo(
            "{\"search\":[\"Bob Jones\",\"Alice Smith\"],\"limit\":[1,2],\"count\":3,"
                + "\"archived\":1,\"browse\":\"Old Partner\",\"model\":\"sale.order\"}");
  }

  @Test
  void sortedAndSetOperationsKeepRecordsets() {
    assertThat(
            orders(
                "a = records.sorted(key=lambda o: o.amount_total)\n"
                    + "b = records.sorted('name', reverse=True)\n"
                    + "result = [a.ids, b.ids, (a[:1] | b[:1]).ids, (records - a[:1]).ids,"
                    + " records.ensure_one() if False else records[0].ensure_one().id]"))
        .isEqualTo("[[3,2,1],[3,2,1],[3],[1,2],1]");
  }

  @Test
  void recordsAreReadOnly() {
    assertThatThrownBy(() -> orders("records.write({'name': 'X'})"))
        .hasMessageStartingWith("AccessError: the source database is read-only");
    assertThatThrownBy(() -> orders("records[0].name = 'X'"))
        .hasMessageContaining("AccessError: records are read-only");
  }

  @Test
  void unknownFieldsAndModelsRaiseAsInOdoo() {
    assertThatThrownBy(() -> orders("result = records[0].nope"))
        .hasMessage("AttributeError: 'sale.order' object has no attribute 'nope' (line 1)");
    assertThatThrownBy(() -> orders("result = env['no.such.model']"))
        .hasMessageContaining("unknown model 'no.such.model'");
    assertThatThrownBy(() -> orders("result = env['res.partner'].search([('nope', '=', 1)])"))
        .hasMessageContaining("unknown field 'nope' on res.partner");
  }
}
