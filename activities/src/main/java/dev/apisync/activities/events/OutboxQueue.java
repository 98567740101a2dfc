package dev.apisync.activities.events;

import dev.apisync.activities.jdbc.Transactions;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The dispatcher's side of the {@link EventOutbox}: claiming due events into batches, finding
 * batches claimed but not started (a dispatcher stopped in between), and removing a batch whose run
 * ended. Concurrent dispatchers are safe: claims use {@code FOR UPDATE SKIP LOCKED}, and a batch
 * started twice is started under the same workflow id.
 */
public class OutboxQueue {

  /** Names a batch from its config and its first and last event ids. */
  @FunctionalInterface
  public interface BatchNamer {
    String name(long configId, long firstEventId, long lastEventId);
  }

  private final DataSource events;

  public OutboxQueue(DataSource events) {
    this.events = events;
  }

  /** Whether the outbox exists: no trigger has been installed yet when it does not. */
  public boolean installed() {
    return query(
        "SELECT to_regclass('" + EventOutbox.TABLE + "') IS NOT NULL",
        rows -> rows.next() && rows.getBoolean(1));
  }

  /** The configs with pending events, the oldest of them at least {@code window} old. */
  public List<Long> configsDue(Duration window) {
    return query(
        "SELECT config_id FROM "
            + EventOutbox.TABLE
            + " WHERE batch_id IS NULL GROUP BY config_id"
            + " HAVING min(created_at) <= now() - make_interval(secs => "
            + window.toMillis() / 1000.0
            + ") ORDER BY min(id)",
        rows -> {
          List<Long> ids = new ArrayList<>();
          while (rows.next()) {
            ids.add(rows.getLong(1));
          }
          return ids;
        });
  }

  /** Whether any event waits to be claimed (due or not yet). */
  public boolean pending() {
    return query(
        "SELECT EXISTS (SELECT 1 FROM " + EventOutbox.TABLE + " WHERE batch_id IS NULL)",
        rows -> rows.next() && rows.getBoolean(1));
  }

  /**
   * Claims the config's oldest pending events, up to {@code maxRecords} distinct records, as one
   * batch, and commits the claim (the batch id on every row) before returning: from then on the
   * batch is started under that id, however often. Rows another dispatcher holds are skipped.
   *
   * @return empty when no pending event was left to claim
   */
  public Optional<EventBatch> claim(long configId, int maxRecords, BatchNamer namer) {
    String select =
        "SELECT id, record_id FROM "
            + EventOutbox.TABLE
            + " WHERE batch_id IS NULL AND config_id = ? ORDER BY id LIMIT ?"
            + " FOR UPDATE SKIP LOCKED";
    try {
      return Transactions.inTransaction(
          events, connection -> claim(connection, select, configId, maxRecords, namer));
    } catch (SQLException e) {
      throw new EventSourceUnavailableException("claiming record events", e);
    }
  }

  private static Optional<EventBatch> claim(
      Connection connection, String select, long configId, int maxRecords, BatchNamer namer)
      throws SQLException {
    List<Long> eventIds = new ArrayList<>();
    Set<Long> records = new LinkedHashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(select)) {
      statement.setLong(1, configId);
      // Events beyond the record cap stay pending for the next batch; repeated updates of the
      // same records all fit, since a record counts once.
      statement.setInt(2, maxRecords * 20);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long recordId = rows.getLong(2);
          if (!records.contains(recordId) && records.size() == maxRecords) {
            break;
          }
          eventIds.add(rows.getLong(1));
          records.add(recordId);
        }
      }
    }
    if (eventIds.isEmpty()) {
      return Optional.empty();
    }
    String batchId = namer.name(configId, eventIds.getFirst(), eventIds.getLast());
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE " + EventOutbox.TABLE + " SET batch_id = ? WHERE id = ANY(?)")) {
      update.setString(1, batchId);
      update.setArray(2, connection.createArrayOf("bigint", eventIds.toArray()));
      update.executeUpdate();
    }
    return Optional.of(new EventBatch(batchId, configId, List.copyOf(records)));
  }

  /** Batches claimed whose run was not (known to be) started. */
  public List<EventBatch> unstarted() {
    return batches("started_at IS NULL");
  }

  /** Batches whose run was started; their rows stay until it ends. */
  public List<EventBatch> started() {
    return batches("started_at IS NOT NULL");
  }

  public void markStarted(String batchId) {
    update("UPDATE " + EventOutbox.TABLE + " SET started_at = now() WHERE batch_id = ?", batchId);
  }

  /** Forgets a batch whose run ended (or can never start): its events are done. */
  public void remove(String batchId) {
    update("DELETE FROM " + EventOutbox.TABLE + " WHERE batch_id = ?", batchId);
  }

  /** Drops a config's pending events: its config is gone. */
  public void dropPending(long configId) {
    try (Connection connection = events.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "DELETE FROM " + EventOutbox.TABLE + " WHERE config_id = ? AND batch_id IS NULL")) {
      statement.setLong(1, configId);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new EventSourceUnavailableException("dropping record events", e);
    }
  }

  private List<EventBatch> batches(String where) {
    return query(
        "SELECT batch_id, min(config_id), array_agg(DISTINCT record_id) FROM "
            + EventOutbox.TABLE
            + " WHERE batch_id IS NOT NULL AND "
            + where
            + " GROUP BY batch_id ORDER BY min(id)",
        rows -> {
          List<EventBatch> batches = new ArrayList<>();
          while (rows.next()) {
            Array ids = rows.getArray(3);
            List<Long> recordIds = new ArrayList<>();
            for (Object id : (Object[]) ids.getArray()) {
              recordIds.add(((Number) id).longValue());
            }
            batches.add(new EventBatch(rows.getString(1), rows.getLong(2), recordIds));
          }
          return batches;
        });
  }

  private void update(String sql, String batchId) {
    try (Connection connection = events.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, batchId);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new EventSourceUnavailableException("updating record-event batch " + batchId, e);
    }
  }

  @FunctionalInterface
  private interface RowsReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> T query(String sql, RowsReader<T> reader) {
    try (Connection connection = events.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return reader.read(rows);
    } catch (SQLException e) {
      throw new EventSourceUnavailableException("reading record events", e);
    }
  }
}
