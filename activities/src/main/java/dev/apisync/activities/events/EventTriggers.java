package dev.apisync.activities.events;

import dev.apisync.activities.config.FieldError;
import dev.apisync.activities.config.InvalidConfigException;
import dev.apisync.activities.jdbc.Transactions;
import dev.apisync.activities.source.FieldInfo;
import dev.apisync.activities.source.FieldKind;
import dev.apisync.activities.source.ModelInfo;
import dev.apisync.activities.source.SourceCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Installs and removes a config's record-event trigger in the SOURCE database: a PL/pgSQL function
 * {@code apisync.config_<id>_record_event()} and a row trigger {@code apisync_config_<id>_event} on
 * the model's table that write into the {@link EventOutbox} in the writing transaction (so an event
 * exists exactly when the change commits) and NOTIFY the dispatcher. Names derive from the config
 * id; identifiers come from the catalog and are quoted.
 *
 * <p>Uses the events data source (a role that may create triggers), never the read-only pool the
 * record reader uses.
 */
public class EventTriggers {

  private static final String SQLSTATE_INSUFFICIENT_PRIVILEGE = "42501";

  private final DataSource events;
  private final SourceCatalog catalog;

  public EventTriggers(DataSource events, SourceCatalog catalog) {
    this.events = events;
    this.catalog = catalog;
  }

  /** The trigger function's name in {@link EventOutbox#SCHEMA}. */
  public static String functionName(long configId) {
    return "config_" + configId + "_record_event";
  }

  public static String triggerName(long configId) {
    return "apisync_config_" + configId + "_event";
  }

  /**
   * Installs (or replaces) the config's trigger on its model's table, creating the outbox if
   * missing, in one transaction.
   *
   * @throws InvalidConfigException naming {@code watchFields[i]} or {@code onCreate} when the
   *     settings do not fit the model
   * @return the table the trigger is on
   * @throws TriggerRefusedException when the source role may not create the objects
   */
  public String install(long configId, String model, TriggerSettings settings) {
    ModelInfo info = catalog.requireModel(model);
    List<String> watchedColumns = watchedColumns(info, settings);
    List<String> statements = new ArrayList<>();
    statements.add(EventOutbox.createSql());
    statements.add(functionSql(configId, settings, watchedColumns));
    statements.add(dropTriggerSql(configId).orElse(""));
    statements.add(
        "CREATE TRIGGER %s AFTER %s ON %s FOR EACH ROW EXECUTE FUNCTION %s.%s()"
            .formatted(
                quote(triggerName(configId)),
                operations(settings),
                quote(info.table()),
                EventOutbox.SCHEMA,
                quote(functionName(configId))));
    inTransaction("installing the record-event trigger on " + info.table(), statements);
    return info.table();
  }

  /**
   * Removes every object the config's trigger installed, and its queued events; drops the outbox
   * and the {@code apisync} schema when no other config's trigger is left. Idempotent.
   *
   * @throws TriggerRefusedException when the source role may not drop them
   */
  public void remove(long configId) {
    List<String> statements = new ArrayList<>();
    dropTriggerSql(configId).ifPresent(statements::add);
    if (!outboxExists()) {
      inTransaction("removing the record-event trigger", statements);
      return;
    }
    statements.add(
        "DROP FUNCTION IF EXISTS %s.%s()"
            .formatted(EventOutbox.SCHEMA, quote(functionName(configId))));
    statements.add("DELETE FROM " + EventOutbox.TABLE + " WHERE config_id = " + configId);
    // The outbox is shared: it goes only with the last trigger function, and only when empty, so
    // a batch still being delivered keeps the rows its run reads.
    statements.add(
        """
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                         WHERE n.nspname = 'apisync')
             AND NOT EXISTS (SELECT 1 FROM apisync.record_event) THEN
            DROP SCHEMA apisync CASCADE;
          END IF;
        END $$""");
    inTransaction("removing the record-event trigger", statements);
  }

  private List<String> watchedColumns(ModelInfo model, TriggerSettings settings) {
    List<FieldError> errors = new ArrayList<>();
    if (!settings.onCreate() && !settings.onUpdate() && !settings.onDelete()) {
      errors.add(
          new FieldError(
              "onCreate", "at least one of onCreate, onUpdate and onDelete must be true"));
    }
    if (model.field("id").isEmpty()) {
      errors.add(
          new FieldError(
              "model", "table " + model.table() + " has no id column; events name records by id"));
    }
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < settings.watchFields().size(); i++) {
      String name = settings.watchFields().get(i);
      Optional<FieldInfo> field = model.field(name == null ? "" : name);
      String where = "watchFields[" + i + "]";
      if (field.isEmpty()) {
        errors.add(
            new FieldError(where, "unknown field '" + name + "' on " + model.name() + "'s table"));
      } else if (field.get().column().isEmpty()
          || field.get().kind() == FieldKind.ONE2MANY
          || field.get().kind() == FieldKind.MANY2MANY) {
        errors.add(
            new FieldError(
                where,
                "'"
                    + name
                    + "' has no column in "
                    + model.table()
                    + "; a trigger watches stored columns only"));
      } else {
        columns.add(field.get().column());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    return columns.stream().distinct().toList();
  }

  /**
   * The trigger function. An update counts only when a watched column changed ({@code IS DISTINCT
   * FROM}, so NULL to a value counts), or with no watched field when the row changed at all. A
   * delete keeps the row's last values. Returning NULL from an AFTER trigger changes nothing.
   */
  private static String functionSql(
      long configId, TriggerSettings settings, List<String> watchedColumns) {
    String changed =
        watchedColumns.isEmpty()
            ? "to_jsonb(NEW) IS DISTINCT FROM to_jsonb(OLD)"
            : String.join(
                " OR ",
                watchedColumns.stream()
                    .map(c -> "NEW.%1$s IS DISTINCT FROM OLD.%1$s".formatted(quote(c)))
                    .toList());
    return """
        CREATE OR REPLACE FUNCTION %1$s.%2$s() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO %3$s (config_id, operation, record_id) VALUES (%4$d, 'create', NEW.id);
          ELSIF TG_OP = 'UPDATE' THEN
            IF NOT (%5$s) THEN
              RETURN NULL;
            END IF;
            INSERT INTO %3$s (config_id, operation, record_id) VALUES (%4$d, 'update', NEW.id);
          ELSE
            INSERT INTO %3$s (config_id, operation, record_id, old_row)
              VALUES (%4$d, 'delete', OLD.id, to_jsonb(OLD));
          END IF;
          PERFORM pg_notify('%6$s', '%4$d');
          RETURN NULL;
        END $fn$"""
        .formatted(
            EventOutbox.SCHEMA,
            quote(functionName(configId)),
            EventOutbox.TABLE,
            configId,
            changed,
            EventOutbox.CHANNEL);
  }

  private static String operations(TriggerSettings settings) {
    List<String> operations = new ArrayList<>();
    if (settings.onCreate()) {
      operations.add("INSERT");
    }
    if (settings.onUpdate()) {
      operations.add("UPDATE");
    }
    if (settings.onDelete()) {
      operations.add("DELETE");
    }
    return String.join(" OR ", operations);
  }

  /** Drops the config's trigger from whichever table holds it (the model may have changed). */
  private Optional<String> dropTriggerSql(long configId) {
    String sql = "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = ?";
    try (Connection connection = events.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, triggerName(configId));
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next()
            ? Optional.of(
                "DROP TRIGGER IF EXISTS %s ON %s"
                    .formatted(quote(triggerName(configId)), rows.getString(1)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new EventSourceUnavailableException("looking up the record-event trigger", e);
    }
  }

  private boolean outboxExists() {
    try (Connection connection = events.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT to_regclass('" + EventOutbox.TABLE + "') IS NOT NULL")) {
      rows.next();
      return rows.getBoolean(1);
    } catch (SQLException e) {
      throw new EventSourceUnavailableException("looking up the record-event outbox", e);
    }
  }

  private void inTransaction(String doing, List<String> statements) {
    try {
      Transactions.inTransaction(
          events,
          connection -> {
            try (Statement statement = connection.createStatement()) {
              for (String sql : statements) {
                if (!sql.isEmpty()) {
                  statement.execute(sql);
                }
              }
            }
            return null;
          });
    } catch (SQLException e) {
      if (SQLSTATE_INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
        throw new TriggerRefusedException(
            doing + " was refused by the source database: " + e.getMessage(), e);
      }
      throw new EventSourceUnavailableException(doing, e);
    }
  }

  /** A catalog identifier as SQL; doubling quotes keeps odd names harmless. */
  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
