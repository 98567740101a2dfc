package dev.apisync.activities.events;

import java.util.regex.Pattern;

/**
 * The record-event outbox in the SOURCE database: names shared by the triggers that fill it ({@link
 * EventTriggers}), the dispatcher that claims it, and the runs that read deleted records from it.
 *
 * <p>One row per captured change: {@code config_id}, {@code operation} (create, update, delete),
 * {@code record_id}, for a delete {@code old_row} ({@code to_jsonb(OLD)}: the row's last values),
 * {@code created_at} (the writing transaction's start), and {@code batch_id}: NULL while pending,
 * then the workflow id of the run that sends it (written before that run is started, so a restarted
 * dispatcher starts the same id again), and {@code started_at} once that run was started. A batch's
 * rows are deleted once its run has ended.
 */
public final class EventOutbox {

  /** The schema apisync owns in the source database. */
  public static final String SCHEMA = "apisync";

  public static final String TABLE = SCHEMA + ".record_event";

  /** What the triggers NOTIFY (payload: the config id) to wake the dispatcher. */
  public static final String CHANNEL = "apisync_record_event";

  /** Batch ids are workflow ids made of these characters only, so they can be SQL literals. */
  private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  private EventOutbox() {}

  /** The outbox, created if missing; every statement is idempotent. */
  static String createSql() {
    return """
        CREATE SCHEMA IF NOT EXISTS apisync;
        CREATE TABLE IF NOT EXISTS apisync.record_event (
          id         bigserial   PRIMARY KEY,
          config_id  bigint      NOT NULL,
          operation  text        NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
          record_id  bigint      NOT NULL,
          old_row    jsonb,
          created_at timestamptz NOT NULL DEFAULT now(),
          batch_id   text,
          started_at timestamptz
        );
        CREATE INDEX IF NOT EXISTS record_event_pending
          ON apisync.record_event (config_id, id) WHERE batch_id IS NULL;
        CREATE INDEX IF NOT EXISTS record_event_batch
          ON apisync.record_event (batch_id) WHERE batch_id IS NOT NULL;
        """;
  }

  /**
   * What a run of {@code batch} reads in place of {@code quotedTable}: the table's live rows,
   * except the records whose last event in the batch is a delete, which appear as they were when
   * deleted ({@code jsonb_populate_record} turns the stored row back into the table's row type). So
   * the record reader, its joins, the domain and the mapping work on deleted records unchanged.
   *
   * @param quotedTable the table's quoted identifier, from the catalog
   * @param batch empty for the plain table
   */
  public static String rowsOf(String quotedTable, String batch) {
    if (batch.isEmpty()) {
      return quotedTable;
    }
    if (!BATCH_ID.matcher(batch).matches()) {
      throw new IllegalArgumentException("not an event batch id: " + batch);
    }
    String deleted =
        ("(SELECT d.record_id, d.old_row FROM (SELECT DISTINCT ON (e.record_id) e.record_id,"
                + " e.operation, e.old_row FROM %s AS e WHERE e.batch_id = '%s'"
                + " ORDER BY e.record_id, e.id DESC) AS d WHERE d.operation = 'delete')")
            .formatted(TABLE, batch);
    return ("(SELECT t.* FROM %1$s AS t WHERE t.id NOT IN (SELECT x.record_id FROM %2$s AS x)"
            + " UNION ALL SELECT (jsonb_populate_record(NULL::%1$s, x.old_row)).* FROM %2$s AS x)")
        .formatted(quotedTable, deleted);
  }
}
