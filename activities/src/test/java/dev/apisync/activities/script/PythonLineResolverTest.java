package dev.apisync.activities.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.mapping.PlainLineResolver;
import dev.apisync.activities.mapping.RecordMapper;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.testing.TestScripts;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.ValueType;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code python} and {@code relational_python} lines mapped with plain ones, per record. */
class PythonLineResolverTest {

  private static final DataSource DATABASE = ScriptFixtures.create("python_lines");
  private static final ScriptSource SOURCE = ScriptFixtures.scriptSource(DATABASE);
  private static final RecordMapper MAPPER = mapper();

  private static RecordMapper mapper() {
    RecordReader reader = new RecordReader(DATABASE, new SourceCatalog(DATABASE));
    Clock clock = Clock.fixed(ScriptFixtures.NOW, ZoneOffset.UTC);
    return new RecordMapper(
        reader,
        List.of(
            new PlainLineResolver(reader),
            PythonLineResolver.python(TestScripts.shared(), SOURCE, clock),
            PythonLineResolver.relationalPython(TestScripts.shared(), SOURCE, clock)));
  }

  private static FieldLine plain(String field, String key) {
    return new FieldLine(field, key, ValueType.PLAIN, key.equals("id"), 0, "");
  }

  private static FieldLine python(String key, String expression) {
    return new FieldLine("", key, ValueType.PYTHON, false, 0, expression);
  }

  private static ConfigSnapshot config(String model, int timeout, FieldLine... lines) {
    return ScriptFixtures.config(model, List.of(lines), "", false, 100, timeout);
  }

  private static List<String> json(MappedPage page) {
    return page.records().stream().map(MappedRecord::json).toList();
  }

  @Test
  void anExpressionIsTheLinesValue() {
    MappedPage page =
        MAPPER.map(
            config(
                "res.partner",
                5,
                plain("id", "id"),
                python("company", "record.parent_id.name or record.name"),
                python("contact.country", "record.country_id.code"),
                python("since", "record.create_date"),
                python("checkedAt", "datetime.now().isoformat()")),
            List.of(1L, 3L));

    assertThat(page.failures()).isEmpty();
    assertThat(json(page))
        .containsExactly(
            "{\"id\":1,\"company\":\"Acme Corp\",\"contact\":{\"country\":\"UA\"},"
                + "\"since\":\"2026-11-20T10:00:00Z\",\"checkedAt\":\"2026-11-28T10:00:00\"}",
            "{\"id\":3,\"company\":\"Acme Corp\",\"contact\":{\"country\":\"US\"},"
                + "\"since\":\"2026-11-22T00:30:00Z\",\"checkedAt\":\"2026-11-28T10:00:00\"}");
  }

  @Test
  void theSeedsPhoneFormattingWorksAsALine() {
    MappedPage page =
        MAPPER.map(
            config(
                "res.partner",
                5,
                plain("id", "id"),
                python("phone", SeedExamplesTest.PHONE_FORMATTING)),
            List.of(1L, 2L, 3L));

    assertThat(json(page))
        .containsExactly(
            "{\"id\":1,\"phone\":\"+380 44 123 45 67\"}",
            "{\"id\":2,\"phone\":\"+15551234567\"}",
            "{\"id\":3,\"phone\":\"+1\"}");
  }

  @Test
  void aLineThatRaisesFailsOnlyItsRecordNamingLineAndScriptLine() {
    MappedPage page =
        MAPPER.map(
            config(
                "res.partner",
                5,
                plain("id", "id"),
                python("ratio", "share = 1000 / (record.id - 2)\nresult = round(share, 2)")),
            List.of(1L, 2L, 3L));

    assertThat(json(page))
        .containsExactly("{\"id\":1,\"ratio\":-1000.0}", "{\"id\":3,\"ratio\":1000.0}");
    RecordFailure failure = page.failures().getFirst();
    assertThat(failure.recordId()).isEqualTo(2);
    assertThat(failure.reason())
        .startsWith("lines[1].expression: ZeroDivisionError: division by zero (line 1)")
        .contains("File \"lines[1].expression\", line 1, in <module>")
        .contains("share = 1000 / (record.id - 2)");
  }

  @Test
  void statementsWithoutResultFailTheirRecord() {
    MappedPage page =
        MAPPER.map(
            config("res.partner", 5, plain("id", "id"), python("x", "value = record.name")),
            List.of(1L));

    assertThat(page.failures().getFirst().reason())
        .startsWith(
            "lines[1].expression: NameError: lines[1].expression ran as statements but"
                + " assigned no `result`");
  }

  @Test
  void relationalPythonYieldsListsOrDicts() {
    FieldLine lines =
        new FieldLine(
            "",
            "lines",
            ValueType.RELATIONAL_PYTHON,
            false,
            0,
            "[{'name': l.name, 'subtotal': l.price_subtotal} for l in record.order_line]");
    FieldLine scalar =
        new FieldLine("", "bad", ValueType.RELATIONAL_PYTHON, false, 0, "record.name");

    MappedPage page =
        MAPPER.map(config("sale.order", 5, plain("id", "id"), lines), List.of(1L, 3L));
    MappedPage refused =
        MAPPER.map(config("sale.order", 5, plain("id", "id"), scalar), List.of(1L));

    assertThat(json(page))
        .containsExactly(
            "{\"id\":1,\"lines\":[{\"name\":\"Chair\",\"subtotal\":60.0},"
                + "{\"name\":\"Desk\",\"subtotal\":40.0}]}",
            "{\"id\":3,\"lines\":[]}");
    assertThat(refused.failures().getFirst().reason())
        .isEqualTo(
            "lines[1].expression: a relational_python line yields a list or a dict, got a string");
  }

  @Test
  void aRunawayLineFailsItsRecordAndTheRestOfThePageWithinItsLimit() {
    long started = System.nanoTime();

    MappedPage page =
        MAPPER.map(
            config(
                "res.partner",
                1,
                plain("id", "id"),
                python("name", "record.name"),
                python("spin", "[0 for _ in iter(int, 1)] if record.id == 2 else 'ok'")),
            List.of(1L, 2L, 3L));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    assertThat(json(page)).containsExactly("{\"id\":1,\"name\":\"Acme Corp\",\"spin\":\"ok\"}");
    assertThat(page.failures())
        .extracting(RecordFailure::recordId, RecordFailure::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                2L, "python lines exceeded the time limit of 1 s and was stopped"),
            org.assertj.core.groups.Tuple.tuple(
                3L,
                "python lines not evaluated: record 2 of this page exceeded the time limit of 1 s"
                    + " and was stopped"));
  }
}
