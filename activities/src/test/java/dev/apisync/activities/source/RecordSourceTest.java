package dev.apisync.activities.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.PageQuery;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RecordPage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keyset pages over the seeded demo database (200 partners). */
class RecordSourceTest {

  private static final int PARTNERS = 200;
  private static final String ALL_PARTNERS = "[('active', 'in', [True, False])]";

  private static RecordSource source;

  @BeforeAll
  static void seed() {
    DataSource database = TestPostgres.freshDatabase("pager");
    OdooDemoDatabase.seed(database, PARTNERS);
    source = new RecordSource(database, new DomainCompiler(new SourceCatalog(database)));
  }

  @Test
  void pagesAHundredRowsSevenAtATimeInFifteenPages() {
    List<RecordPage> pages = readAll("[('active', 'in', [True, False]), ('id', '<=', 100)]", 7);

    assertThat(pages).hasSize(15);
    assertThat(pages.subList(0, 14)).allSatisfy(page -> assertThat(page.ids()).hasSize(7));
    assertThat(pages.get(14).ids()).containsExactly(99L, 100L);
    assertThat(pages.subList(0, 14)).noneMatch(RecordPage::last);
    assertThat(pages.get(14).last()).isTrue();
    assertThat(pages.stream().flatMap(page -> page.ids().stream()).toList())
        .isEqualTo(LongStream.rangeClosed(1, 100).boxed().toList());
  }

  @Test
  void knowsTheLastPageWhenItIsExactlyFull() {
    List<RecordPage> pages = readAll("[('active', 'in', [True, False]), ('id', '<=', 14)]", 7);

    assertThat(pages).hasSize(2);
    assertThat(pages.get(1).ids()).hasSize(7);
    assertThat(pages.get(1).last()).isTrue();
  }

  @Test
  void selectsWhatTheDomainSaysAndHidesArchivedPartners() {
    List<Long> expected =
        LongStream.rangeClosed(1, PARTNERS)
            .filter(i -> OdooDemoDatabase.customerRank(i) > 0 && OdooDemoDatabase.isActive(i))
            .boxed()
            .toList();

    List<Long> read =
        readAll("[('customer_rank', '>', 0)]", 25).stream()
            .flatMap(page -> page.ids().stream())
            .toList();

    assertThat(read).isEqualTo(expected);
  }

  @Test
  void continuesAfterTheCursor() {
    RecordPage page = source.fetchPage(query(ALL_PARTNERS, List.of(), 195, 10));

    assertThat(page.ids()).containsExactly(196L, 197L, 198L, 199L, 200L);
    assertThat(page.nextAfterId()).isEqualTo(200);
    assertThat(page.last()).isTrue();
  }

  @Test
  void returnsAnEmptyLastPageWhenNothingMatches() {
    RecordPage page = source.fetchPage(query("[('name', '=', 'nobody')]", List.of(), 0, 10));

    assertThat(page).isEqualTo(new RecordPage(List.of(), List.of(), 0, true, ""));
  }

  @Test
  void reportsRequestedIdsThatAreMissingOrFilteredOut() {
    // 1 and 11 are companies; 2 and 3 are persons; 28 is an archived person; 999 and 1000 do
    // not exist. 11 is requested twice.
    List<Long> requested = List.of(1000L, 11L, 2L, 999L, 1L, 3L, 28L, 11L);
    String companies = "[('is_company', '=', True)]";

    RecordPage first = source.fetchPage(query(companies, requested, 0, 3));
    assertThat(first.ids()).containsExactly(1L);
    assertThat(first.skipped())
        .containsExactly(
            new RecordFailure(2, "record does not match the config's filterDomain", 0),
            new RecordFailure(3, "record does not match the config's filterDomain", 0));
    assertThat(first.nextAfterId()).isEqualTo(3);
    assertThat(first.last()).isFalse();

    RecordPage second = source.fetchPage(query(companies, requested, 3, 3));
    assertThat(second.ids()).containsExactly(11L);
    assertThat(second.skipped())
        .containsExactly(
            new RecordFailure(28, "record does not match the config's filterDomain", 0),
            new RecordFailure(999, "record does not exist", 0));
    assertThat(second.nextAfterId()).isEqualTo(999);
    assertThat(second.last()).isFalse();

    RecordPage third = source.fetchPage(query(companies, requested, 999, 3));
    assertThat(third.ids()).isEmpty();
    assertThat(third.skipped())
        .containsExactly(new RecordFailure(1000, "record does not exist", 0));
    assertThat(third.last()).isTrue();
  }

  @Test
  void appliesTheActiveRuleToRequestedIdsToo() {
    RecordPage page = source.fetchPage(query("[]", List.of(3L, 4L), 0, 10));

    assertThat(page.ids()).containsExactly(4L);
    assertThat(page.skipped()).extracting(RecordFailure::recordId).containsExactly(3L);
  }

  @Test
  void endsAtOnceWhenNoRequestedIdIsLeft() {
    RecordPage page = source.fetchPage(query("[]", List.of(5L, 6L), 6, 10));

    assertThat(page).isEqualTo(new RecordPage(List.of(), List.of(), 6, true, ""));
  }

  @Test
  void refusesAValueTheColumnCannotHoldAsTheConfigsFault() {
    assertThatThrownBy(
            () -> source.fetchPage(query("[('customer_rank', '=', 'many')]", List.of(), 0, 10)))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("reading res.partner records failed")
        .hasMessageContaining("many");
  }

  @Test
  void refusesAnUnknownModel() {
    assertThatThrownBy(
            () -> source.fetchPage(new PageQuery("res.nothing", "[]", List.of(), 0, 10, 0)))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("unknown model 'res.nothing'");
  }

  private static List<RecordPage> readAll(String domain, int size) {
    List<RecordPage> pages = new ArrayList<>();
    long after = 0;
    RecordPage page;
    do {
      page = source.fetchPage(query(domain, List.of(), after, size));
      pages.add(page);
      after = page.nextAfterId();
    } while (!page.last() && pages.size() < 1000);
    return pages;
  }

  private static PageQuery query(String domain, List<Long> ids, long afterId, int size) {
    return new PageQuery("res.partner", domain, ids, afterId, size, 0);
  }
}
