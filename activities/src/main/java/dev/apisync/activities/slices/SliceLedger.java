package dev.apisync.activities.slices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.activities.runs.RunStore;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RunPage;
import dev.apisync.workflows.SliceResult;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What slices write to apisync's database, a page at a time and in one transaction: the page's
 * request-log rows, the run's counters and failed records, and the slice's state (table {@code
 * slice_checkpoint}), from which a retried slice resumes. So the cursor never runs ahead of the
 * request log, and a page counted is a page logged.
 */
public class SliceLedger {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final RequestLog requestLog;
  private final RunStore runs;

  /** All three on apisync's own database: {@code requestLog} and {@code runs} on {@code store}. */
  public SliceLedger(DataSource store, RequestLog requestLog, RunStore runs) {
    this.jdbc = JdbcClient.create(store);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(store));
    this.requestLog = requestLog;
    this.runs = runs;
  }

  /** Whether the run's workflow passed on a cancel request (see {@link RunStore#requestStop}). */
  public boolean stopRequested(String workflowId) {
    return runs.stopRequested(workflowId);
  }

  /** The state an earlier attempt of the slice committed, if it committed a page. */
  public Optional<SliceResult> resume(String sliceKey) {
    return jdbc.sql("SELECT state::text FROM slice_checkpoint WHERE slice_key = ?")
        .param(sliceKey)
        .query(String.class)
        .optional()
        .map(SliceLedger::parse);
  }

  /** Whether the slice's committed state already counts {@code pages} pages. */
  public boolean committed(String sliceKey, int pages) {
    return jdbc.sql("SELECT (state->>'pages')::int >= ? FROM slice_checkpoint WHERE slice_key = ?")
        .params(pages, sliceKey)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * Commits answered pages, in order, in one transaction: their request-log rows and failed
   * records, the run's counters and the slice's state as of the last of them.
   */
  public void commit(String sliceKey, String workflowId, List<PageCommit> pages) {
    PageCommit last = pages.getLast();
    String stateJson = json(last.state());
    List<RequestLogEntry> logEntries =
        pages.stream().flatMap(page -> page.logEntries().stream()).toList();
    List<RecordFailure> failures =
        pages.stream().flatMap(page -> page.failures().stream()).toList();
    transactions.executeWithoutResult(
        status -> {
          requestLog.insertAll(logEntries);
          runs.pageDone(new RunPage(workflowId, last.progress(), failures));
          jdbc.sql(
                  "INSERT INTO slice_checkpoint (slice_key, workflow_id, state)"
                      + " VALUES (?, ?, CAST(? AS jsonb)) ON CONFLICT (slice_key)"
                      + " DO UPDATE SET state = EXCLUDED.state, updated_at = now()")
              .params(sliceKey, workflowId, stateJson)
              .update();
        });
  }

  private static String json(SliceResult state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a slice's state always serialises", e);
    }
  }

  private static SliceResult parse(String json) {
    try {
      return JSON.readValue(json, SliceResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("slice_checkpoint holds a state this worker cannot read", e);
    }
  }
}
