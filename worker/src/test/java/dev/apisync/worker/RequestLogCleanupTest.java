package dev.apisync.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.testing.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The request log's retention job against real PostgreSQL. */
class RequestLogCleanupTest {

  private static final DataSource DATABASE = TestPostgres.freshDatabase("log_cleanup");
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private final JdbcClient jdbc = JdbcClient.create(DATABASE);

  @BeforeAll
  static void migrate() {
    Flyway.configure().dataSource(DATABASE).load().migrate();
  }

  @Test
  void deletesEveryRowOlderThanTheRetentionInBatchesAndKeepsTheRest() {
    // More than two batches of old rows, and rows on both sides of the cutoff.
    insertRows(RequestLog.DELETE_BATCH * 2 + 5, "2026-10-01T00:00:00Z");
    insertRows(1, "2026-10-29T11:59:59Z");
    insertRows(2, "2026-10-29T12:00:01Z");
    insertRows(3, "2026-11-28T11:00:00Z");
    RequestLogCleanup cleanup =
        new RequestLogCleanup(
            new RequestLog(DATABASE), Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));

    long deleted = cleanup.deleteExpired();

    assertThat(deleted).isEqualTo(RequestLog.DELETE_BATCH * 2 + 6);
    assertThat(jdbc.sql("SELECT count(*) FROM request_log").query(Long.class).single())
        .isEqualTo(5);
    assertThat(
            jdbc.sql("SELECT min(created_at) FROM request_log")
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant())
        .isEqualTo(Instant.parse("2026-10-29T12:00:01Z"));
    assertThat(cleanup.deleteExpired()).isZero();
  }

  private void insertRows(int count, String createdAt) {
    jdbc.sql(
            """
            INSERT INTO request_log (created_at, config_id, record_ids, attempt, method, url,
              request_headers, request_body, duration_ms, outcome)
            SELECT CAST(:createdAt AS timestamptz), 1, ARRAY[n], 1, 'POST', 'http://x/p', '{}',
              '{}', 1, 'SENT'
            FROM generate_series(1, :count) AS n""")
        .param("createdAt", createdAt)
        .param("count", count)
        .update();
  }
}
