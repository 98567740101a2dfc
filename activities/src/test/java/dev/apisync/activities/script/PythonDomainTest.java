package dev.apisync.activities.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.RecordActivitiesImpl;
import dev.apisync.activities.source.RecordSource;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.testing.TestScripts;
import dev.apisync.workflows.PageQuery;
import dev.apisync.workflows.RecordPage;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Domains with Python values, evaluated at the run's recorded start (see {@link ScriptFixtures}:
 * partners created 2026-11-20 10:00, 2026-11-21 23:30, 2026-11-22 00:30, and an archived one).
 */
class PythonDomainTest {

  /** The seed's second domain example. */
  static final String LAST_SEVEN_DAYS =
      "[('create_date','>=',(datetime.now() - timedelta(days=7)).strftime('%Y-%m-%d'))]";

  private static final DataSource DATABASE = ScriptFixtures.create("python_domains");
  private static final PythonDomainExpressions EXPRESSIONS =
      new PythonDomainExpressions(TestScripts.shared());
  private static final RecordActivitiesImpl RECORDS =
      new RecordActivitiesImpl(
          new RecordSource(DATABASE, new DomainCompiler(new SourceCatalog(DATABASE), EXPRESSIONS)));

  /** Every page of a run, one record per page, as the workflow asks for them. */
  private static List<Long> run(String domain, Instant startedAt) {
    List<Long> ids = new ArrayList<>();
    long after = 0;
    RecordPage page;
    do {
      page =
          RECORDS.fetchPage(
              new PageQuery(
                  "res.partner",
                  domain,
                  List.of(),
                  after,
                  1,
                  startedAt.toEpochMilli(),
                  false,
                  "",
                  ""));
      ids.addAll(page.ids());
      after = page.nextAfterId();
    } while (!page.last());
    return ids;
  }

  @Test
  void theSeedsDomainEvaluatesAtTheRunsStart() {
    assertThat(EXPRESSIONS.evaluate(LAST_SEVEN_DAYS, Instant.parse("2026-11-28T23:59:59.500Z")))
        .isEqualTo("[('create_date', '>=', '2026-11-21')]");
  }

  @Test
  void everyPageOfARunThatSpansMidnightSelectsAlike() {
    Instant startedAt = Instant.parse("2026-11-28T23:59:59.500Z");

    // Three pages: the run goes on past midnight, but each page evaluates at the recorded start.
    List<Long> selected = run(LAST_SEVEN_DAYS, startedAt);

    assertThat(selected).containsExactly(2L, 3L);
    // A page that took the wall clock instead would have lost partner 2 after midnight.
    assertThat(run(LAST_SEVEN_DAYS, Instant.parse("2026-11-29T00:00:00.500Z"))).containsExactly(3L);
    assertThat(run(LAST_SEVEN_DAYS, startedAt)).isEqualTo(selected);
  }

  @Test
  void odoosOtherNamesAreInScope() {
    Instant now = Instant.parse("2026-11-28T10:00:00Z");

    assertThat(run("[('create_date', '<', context_today() - relativedelta(days=7))]", now))
        .containsExactly(1L);
    assertThat(run("[('create_date', '>=', time.strftime('%Y-%m-01'))]", now))
        .containsExactly(1L, 2L, 3L);
    assertThat(
            run(
                "['|', ('create_date', '>', datetime.now() - relativedelta(days=6, hours=10)),"
                    + " ('active', '=', False)]",
                now))
        .containsExactly(3L, 4L);
  }

  @Test
  void aDomainWhosePythonFailsIsAConfigError() {
    assertThatThrownBy(() -> run("[('create_date', '>=', today())]", Instant.now()))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("the domain's Python failed: NameError: name 'today' is not defined");
    assertThatThrownBy(() -> run("context_today() - timedelta(days=7)", Instant.now()))
        .hasMessageContaining("the domain evaluated to a date, not a list of terms");
  }
}
