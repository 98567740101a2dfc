package dev.apisync.activities.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.testing.TestPostgres;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class RequestLogTest {

  private static final DataSource DATABASE = TestPostgres.migratedDatabase("request_log");

  private final RequestLog log = new RequestLog(DATABASE);

  @BeforeEach
  void emptyLog() {
    JdbcClient.create(DATABASE).sql("DELETE FROM request_log").update();
  }

  @Test
  void rowReadsBackAsWritten() {
    RequestLogEntry written =
        new RequestLogEntry(
            "sync-1-20260101T000000Z",
            "run-a",
            1,
            List.of(3L, 5L),
            2,
            "PUT",
            "https://crm.example/p/3",
            Map.of("Authorization", "***", "Content-Type", "application/json"),
            "[{\"id\":3},{\"id\":5}]",
            409,
            Map.of("Content-Type", "text/plain"),
            "conflict",
            120,
            AttemptOutcome.FAILED,
            "HTTP 409 Conflict: conflict");

    log.record(written);

    LoggedRequest read = log.find(RequestLogFilter.all()).rows().getFirst();
    assertThat(read.entry()).isEqualTo(written);
    assertThat(read.id()).isPositive();
    assertThat(read.createdAt()).isBefore(Instant.now().plusSeconds(60));
  }

  @Test
  void filtersCombineAndNewestComesFirst() {
    long a1 = write("wf-a", 1, AttemptOutcome.SENT);
    write("wf-a", 1, AttemptOutcome.RETRYING);
    long a3 = write("wf-a", 1, AttemptOutcome.SENT);
    write("wf-b", 2, AttemptOutcome.SENT);
    long b2 = write("wf-b", 2, AttemptOutcome.ERROR);

    assertThat(ids(filter("wf-a", 0, Set.of(AttemptOutcome.SENT)))).containsExactly(a3, a1);
    assertThat(ids(filter("", 2, Set.of(AttemptOutcome.ERROR, AttemptOutcome.FAILED))))
        .containsExactly(b2);
    assertThat(ids(filter("", 0, Set.of())))
        .hasSize(5)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(ids(filter("wf-c", 0, Set.of()))).isEmpty();
  }

  @Test
  void findsTheRequestsThatCarriedARecordWithinATimeRange() {
    long carried = write("wf", 1, AttemptOutcome.SENT, List.of(7L, 8L));
    long other = write("wf", 1, AttemptOutcome.SENT, List.of(9L));
    long older = write("wf", 1, AttemptOutcome.FAILED, List.of(8L));
    JdbcClient.create(DATABASE)
        .sql("UPDATE request_log SET created_at = now() - interval '1 hour' WHERE id = ?")
        .param(older)
        .update();
    Instant halfAnHourAgo = Instant.now().minusSeconds(1800);

    assertThat(ids(log.find(new RequestLogFilter("", 0, Set.of(), 8, null, null, 0, 50))))
        .containsExactly(older, carried);
    assertThat(ids(log.find(new RequestLogFilter("", 0, Set.of(), 8, halfAnHourAgo, null, 0, 50))))
        .containsExactly(carried);
    assertThat(ids(log.find(new RequestLogFilter("", 0, Set.of(), 0, null, halfAnHourAgo, 0, 50))))
        .containsExactly(older);
    assertThat(ids(log.find(new RequestLogFilter("", 0, Set.of(), 9, null, null, 0, 50))))
        .containsExactly(other);
  }

  @Test
  void keysetPagesWalkBackToTheOldestRow() {
    long[] ids = new long[7];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = write("wf", 1, AttemptOutcome.SENT);
    }

    RequestLogPage first = log.find(new RequestLogFilter("", 0, Set.of(), 0, null, null, 0, 3));
    RequestLogPage second =
        log.find(new RequestLogFilter("", 0, Set.of(), 0, null, null, first.nextBefore(), 3));
    RequestLogPage last =
        log.find(new RequestLogFilter("", 0, Set.of(), 0, null, null, second.nextBefore(), 3));

    assertThat(first.rows()).extracting(LoggedRequest::id).containsExactly(ids[6], ids[5], ids[4]);
    assertThat(first.nextBefore()).isEqualTo(ids[4]);
    assertThat(second.rows()).extracting(LoggedRequest::id).containsExactly(ids[3], ids[2], ids[1]);
    assertThat(last.rows()).extracting(LoggedRequest::id).containsExactly(ids[0]);
    assertThat(last.hasMore()).isFalse();
  }

  @Test
  void deleteOlderThanKeepsNewerRows() {
    long old = write("wf", 1, AttemptOutcome.SENT);
    long recent = write("wf", 1, AttemptOutcome.SENT);
    JdbcClient.create(DATABASE)
        .sql("UPDATE request_log SET created_at = now() - interval '40 days' WHERE id = ?")
        .param(old)
        .update();

    long deleted = log.deleteOlderThan(Instant.now().minusSeconds(30L * 24 * 3600));

    assertThat(deleted).isEqualTo(1);
    assertThat(ids(filter("", 0, Set.of()))).containsExactly(recent);
  }

  private long write(String workflowId, long configId, AttemptOutcome outcome) {
    return write(workflowId, configId, outcome, List.of(1L));
  }

  private long write(
      String workflowId, long configId, AttemptOutcome outcome, List<Long> recordIds) {
    log.record(
        new RequestLogEntry(
            workflowId,
            "run",
            configId,
            recordIds,
            1,
            "POST",
            "http://x/p",
            Map.of(),
            "{}",
            outcome == AttemptOutcome.ERROR ? 0 : 200,
            Map.of(),
            "",
            1,
            outcome,
            ""));
    return JdbcClient.create(DATABASE)
        .sql("SELECT max(id) FROM request_log")
        .query(Long.class)
        .single();
  }

  private RequestLogPage filter(String workflowId, long configId, Set<AttemptOutcome> outcomes) {
    return log.find(
        new RequestLogFilter(
            workflowId, configId, outcomes, 0, null, null, 0, RequestLogFilter.MAX_LIMIT));
  }

  private static List<Long> ids(RequestLogPage page) {
    return page.rows().stream().map(LoggedRequest::id).toList();
  }
}
