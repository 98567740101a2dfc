package dev.apisync.activities.runs;

import dev.apisync.workflows.RunEnd;
import dev.apisync.workflows.RunPage;
import dev.apisync.workflows.RunStart;
import dev.apisync.workflows.RunStatus;
import dev.apisync.workflows.SyncProgress;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The runs table ({@code sync_run}) and every record a run failed ({@code sync_run_failure}). */
public class RunStore {

  private static final String COLUMNS =
      "workflow_id, first_run_id, config_id, config_name, trigger, record_ids, dry_run, status,"
          + " pages, sent, failed, skipped, after_id, error, started_at, updated_at, finished_at";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public RunStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.batch = new JdbcTemplate(dataSource);
  }

  /** Idempotent: a retried activity finds the row there and leaves it. */
  public void started(RunStart start) {
    Timestamp at = Timestamp.from(Instant.ofEpochMilli(start.startedAtMillis()));
    jdbc.sql(
            "INSERT INTO sync_run (workflow_id, first_run_id, config_id, config_name, trigger,"
                + " record_ids, dry_run, status, started_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)"
                + " ON CONFLICT (workflow_id) DO NOTHING")
        .params(
            start.workflowId(),
            start.runId(),
            start.configId(),
            start.configName(),
            start.trigger().name(),
            start.recordIds().toArray(Long[]::new),
            start.dryRun(),
            at,
            at)
        .update();
  }

  /** Counters are absolute, failures keyed by record: replaying a page changes nothing. */
  public void pageDone(RunPage page) {
    updateCounters(page.workflowId(), page.progress());
    if (page.failures().isEmpty()) {
      return;
    }
    batch.batchUpdate(
        "INSERT INTO sync_run_failure (workflow_id, record_id, reason, status)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (workflow_id, record_id)"
            + " DO UPDATE SET reason = EXCLUDED.reason, status = EXCLUDED.status",
        page.failures().stream()
            .map(
                failure ->
                    new Object[] {
                      page.workflowId(), failure.recordId(), failure.reason(), failure.status()
                    })
            .toList());
  }

  public void ended(RunEnd end) {
    updateCounters(end.workflowId(), end.progress());
    markClosed(
        end.workflowId(), end.status(), end.error(), Instant.ofEpochMilli(end.finishedAtMillis()));
    // A closed run resumes no slice.
    jdbc.sql("DELETE FROM slice_checkpoint WHERE workflow_id = ?").param(end.workflowId()).update();
  }

  /** For runs closed without saying so (terminated, timed out): the API learns it from Temporal. */
  public void markClosed(String workflowId, RunStatus status, String error, Instant at) {
    jdbc.sql(
            "UPDATE sync_run SET status = ?, error = ?, finished_at = ?, updated_at = ?"
                + " WHERE workflow_id = ?")
        .params(status.name(), error, Timestamp.from(at), Timestamp.from(at), workflowId)
        .update();
  }

  /** Asks the run's running slice to start no new request (see {@link #stopRequested}). */
  public void requestStop(String workflowId) {
    jdbc.sql("UPDATE sync_run SET stop_requested = true WHERE workflow_id = ?")
        .param(workflowId)
        .update();
  }

  /** Whether the run was asked to stop (its cancel request, passed on by its workflow). */
  public boolean stopRequested(String workflowId) {
    return jdbc.sql("SELECT stop_requested FROM sync_run WHERE workflow_id = ?")
        .param(workflowId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  public Optional<RunRecord> find(String workflowId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM sync_run WHERE workflow_id = ?")
        .param(workflowId)
        .query(RunStore::row)
        .optional();
  }

  /** The recorded runs among {@code workflowIds}, by workflow id, in one query. */
  public Map<String, RunRecord> findAll(Collection<String> workflowIds) {
    if (workflowIds.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM sync_run WHERE workflow_id = ANY (?)")
        .param(workflowIds.toArray(String[]::new))
        .query(RunStore::row)
        .list()
        .stream()
        .collect(Collectors.toMap(RunRecord::workflowId, Function.identity()));
  }

  /** Every record the run failed, ascending. */
  public List<Long> failedRecordIds(String workflowId) {
    return jdbc.sql(
            "SELECT record_id FROM sync_run_failure WHERE workflow_id = ? ORDER BY record_id")
        .param(workflowId)
        .query(Long.class)
        .list();
  }

  private void updateCounters(String workflowId, SyncProgress progress) {
    jdbc.sql(
            "UPDATE sync_run SET pages = ?, sent = ?, failed = ?, skipped = ?, after_id = ?,"
                + " updated_at = now() WHERE workflow_id = ?")
        .params(
            progress.pages(),
            progress.sent(),
            progress.failed(),
            progress.skipped(),
            progress.lastRecordId(),
            workflowId)
        .update();
  }

  private static RunRecord row(ResultSet rs, int rowNum) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    return new RunRecord(
        rs.getString("workflow_id"),
        rs.getString("first_run_id"),
        rs.getLong("config_id"),
        rs.getString("config_name"),
        rs.getString("trigger"),
        ids(rs.getArray("record_ids")),
        rs.getBoolean("dry_run"),
        RunStatus.valueOf(rs.getString("status")),
        rs.getInt("pages"),
        rs.getInt("sent"),
        rs.getInt("failed"),
        rs.getInt("skipped"),
        rs.getLong("after_id"),
        rs.getString("error") == null ? "" : rs.getString("error"),
        rs.getTimestamp("started_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        Optional.ofNullable(finished).map(Timestamp::toInstant));
  }

  private static List<Long> ids(Array array) throws SQLException {
    return array == null ? List.of() : new ArrayList<>(Arrays.asList((Long[]) array.getArray()));
  }
}
