package dev.apisync.activities.requestlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The request log (SPEC §7, table {@code request_log} from {@code V2__request_log.sql}) in
 * apisync's own database: the delivery activity writes one row per HTTP attempt, the API reads
 * them, the worker's retention job deletes old ones. Thread-safe.
 */
public class RequestLog {

  /** Rows one retention statement deletes, so no statement holds locks on millions of rows. */
  public static final int DELETE_BATCH = 10_000;

  private static final Logger log = LoggerFactory.getLogger(RequestLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> HEADERS =
      new TypeReference<>() {};

  private static final String INSERT =
      """
      INSERT INTO request_log (workflow_id, run_id, config_id, record_ids, attempt, method,
        url, request_headers, request_body, response_status, response_headers,
        response_body, duration_ms, outcome, error)
      VALUES (:workflowId, :runId, :configId, CAST(:recordIds AS bigint[]), :attempt,
        :method, :url, CAST(:requestHeaders AS jsonb), :requestBody, :responseStatus,
        CAST(:responseHeaders AS jsonb), :responseBody, :durationMs, :outcome, :error)""";

  /**
   * Finishes rows the store was too slow to take while their writer waited ({@link #recordWithin});
   * shared by every request log of the JVM, daemon threads.
   */
  private static final ExecutorService BEHIND =
      new ThreadPoolExecutor(
          0,
          4,
          30,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(1_000),
          Thread.ofPlatform().name("request-log-behind-", 0).daemon().factory());

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  public RequestLog(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.batch = new NamedParameterJdbcTemplate(dataSource);
  }

  /**
   * Adds a row. Never throws: a request that reached its target must count as sent even when the
   * log cannot be written, so a failure is logged as a warning instead.
   */
  public void record(RequestLogEntry entry) {
    try {
      insert(entry);
    } catch (RuntimeException e) {
      log.warn(
          "request log: cannot record {} {} (config {}, records {}, outcome {}): {}",
          entry.method(),
          entry.url(),
          entry.configId(),
          entry.recordIds(),
          entry.outcome(),
          e.toString());
    }
  }

  /**
   * As {@link #record}, waiting at most {@code wait}: when the store is slow the row is finished in
   * the background, so that a delivered request is never held past its attempt's timeout (which
   * would retry it, and send it again).
   */
  public void recordWithin(RequestLogEntry entry, Duration wait) {
    Future<?> write;
    try {
      write = BEHIND.submit(() -> record(entry));
    } catch (RejectedExecutionException busy) {
      log.warn(
          "request log: cannot record {} {} (config {}, records {}): a thousand rows already wait"
              + " for the store",
          entry.method(),
          entry.url(),
          entry.configId(),
          entry.recordIds());
      return;
    }
    try {
      write.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      log.warn(
          "request log: the store is slow; the row of {} {} (config {}, records {}) is written in"
              + " the background",
          entry.method(),
          entry.url(),
          entry.configId(),
          entry.recordIds());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException cannotHappen) {
      // record() never throws
    }
  }

  /**
   * Adds the rows in one batch (one round trip). Unlike {@link #record} it throws, so a caller can
   * write them in its own transaction and know whether they are there.
   */
  public void insertAll(List<RequestLogEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        INSERT, entries.stream().map(RequestLog::params).toArray(MapSqlParameterSource[]::new));
  }

  private void insert(RequestLogEntry entry) {
    jdbc.sql(INSERT).paramSource(params(entry)).update();
  }

  private static MapSqlParameterSource params(RequestLogEntry entry) {
    return new MapSqlParameterSource()
        .addValue("workflowId", entry.workflowId())
        .addValue("runId", entry.runId())
        .addValue("configId", entry.configId())
        .addValue("recordIds", arrayLiteral(entry.recordIds()))
        .addValue("attempt", entry.attempt())
        .addValue("method", entry.method())
        .addValue("url", entry.url())
        .addValue("requestHeaders", json(entry.requestHeaders()))
        .addValue("requestBody", entry.requestBody())
        .addValue("responseStatus", entry.hasResponse() ? entry.responseStatus() : null)
        .addValue("responseHeaders", entry.hasResponse() ? json(entry.responseHeaders()) : null)
        .addValue("responseBody", entry.hasResponse() ? entry.responseBody() : null)
        .addValue("durationMs", entry.durationMs())
        .addValue("outcome", entry.outcome().name())
        .addValue("error", entry.error().isEmpty() ? null : entry.error());
  }

  /** Rows matching the filter, newest first, one page. */
  public RequestLogPage find(RequestLogFilter filter) {
    StringBuilder sql = new StringBuilder("SELECT * FROM request_log WHERE TRUE");
    Map<String, Object> params = new LinkedHashMap<>();
    if (!filter.workflowId().isEmpty()) {
      sql.append(" AND workflow_id = :workflowId");
      params.put("workflowId", filter.workflowId());
    }
    if (filter.configId() > 0) {
      sql.append(" AND config_id = :configId");
      params.put("configId", filter.configId());
    }
    if (!filter.outcomes().isEmpty()) {
      sql.append(" AND outcome IN (:outcomes)");
      params.put("outcomes", filter.outcomes().stream().map(Enum::name).toList());
    }
    if (filter.recordId() > 0) {
      sql.append(" AND :recordId = ANY(record_ids)");
      params.put("recordId", filter.recordId());
    }
    if (filter.from() != null) {
      sql.append(" AND created_at >= :from");
      params.put("from", Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      sql.append(" AND created_at < :to");
      params.put("to", Timestamp.from(filter.to()));
    }
    if (filter.before() > 0) {
      sql.append(" AND id < :before");
      params.put("before", filter.before());
    }
    // One row more than asked tells whether an older page exists.
    sql.append(" ORDER BY id DESC LIMIT :limit");
    params.put("limit", filter.limit() + 1);

    List<LoggedRequest> rows =
        new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(this::row).list());
    if (rows.size() <= filter.limit()) {
      return new RequestLogPage(rows, 0);
    }
    List<LoggedRequest> page = rows.subList(0, filter.limit());
    return new RequestLogPage(page, page.getLast().id());
  }

  /**
   * Deletes rows created before the cutoff, {@link #DELETE_BATCH} per statement. Rows another
   * worker is deleting at the same time are skipped, not waited for.
   *
   * @return how many rows were deleted
   */
  public long deleteOlderThan(Instant cutoff) {
    long total = 0;
    int deleted;
    do {
      deleted =
          jdbc.sql(
                  """
                  DELETE FROM request_log WHERE id IN (
                    SELECT id FROM request_log WHERE created_at < :cutoff
                    ORDER BY created_at LIMIT :batch FOR UPDATE SKIP LOCKED)""")
              .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
              .param("batch", DELETE_BATCH)
              .update();
      total += deleted;
    } while (deleted == DELETE_BATCH);
    return total;
  }

  private LoggedRequest row(ResultSet rs, int rowNum) throws SQLException {
    int status = rs.getInt("response_status");
    String responseHeaders = rs.getString("response_headers");
    RequestLogEntry entry =
        new RequestLogEntry(
            rs.getString("workflow_id"),
            rs.getString("run_id"),
            rs.getLong("config_id"),
            longs(rs.getArray("record_ids")),
            rs.getInt("attempt"),
            rs.getString("method"),
            rs.getString("url"),
            headers(rs.getString("request_headers")),
            rs.getString("request_body"),
            status,
            responseHeaders == null ? Map.of() : headers(responseHeaders),
            nonNull(rs.getString("response_body")),
            rs.getLong("duration_ms"),
            AttemptOutcome.valueOf(rs.getString("outcome")),
            nonNull(rs.getString("error")));
    return new LoggedRequest(
        rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), entry);
  }

  private static List<Long> longs(Array array) throws SQLException {
    return Arrays.asList((Long[]) array.getArray());
  }

  private static String arrayLiteral(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
  }

  private static String json(Map<String, String> headers) {
    try {
      return JSON.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  private static Map<String, String> headers(String json) {
    try {
      return JSON.readValue(json, HEADERS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("request_log holds headers that are not a JSON object", e);
    }
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
