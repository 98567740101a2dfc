package dev.apisync.activities.events;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which record-event triggers configs have installed, in apisync's own database ({@code
 * record_event_trigger}, V40): what {@code GET /api/configs/{id}/triggers} shows. The objects
 * themselves live in the source database ({@link EventTriggers}).
 */
public class EventTriggerStore {

  private final JdbcClient jdbc;

  public EventTriggerStore(DataSource apisync) {
    this.jdbc = JdbcClient.create(apisync);
  }

  public void save(long configId, String table, TriggerSettings settings) {
    jdbc.sql(
            """
            INSERT INTO record_event_trigger (config_id, source_table, on_create, on_update,
              on_delete, watch_fields)
            VALUES (:id, :table, :onCreate, :onUpdate, :onDelete, :watch)
            ON CONFLICT (config_id) DO UPDATE SET source_table = EXCLUDED.source_table,
              on_create = EXCLUDED.on_create, on_update = EXCLUDED.on_update,
              on_delete = EXCLUDED.on_delete, watch_fields = EXCLUDED.watch_fields,
              installed_at = now()""")
        .param("id", configId)
        .param("table", table)
        .param("onCreate", settings.onCreate())
        .param("onUpdate", settings.onUpdate())
        .param("onDelete", settings.onDelete())
        .param("watch", settings.watchFields().toArray(String[]::new))
        .update();
  }

  public Optional<TriggerSettings> find(long configId) {
    return jdbc.sql(
            "SELECT on_create, on_update, on_delete, watch_fields FROM record_event_trigger"
                + " WHERE config_id = :id")
        .param("id", configId)
        .query(
            (rs, row) ->
                new TriggerSettings(
                    rs.getBoolean("on_create"),
                    rs.getBoolean("on_update"),
                    rs.getBoolean("on_delete"),
                    strings(rs.getArray("watch_fields"))))
        .optional();
  }

  public void delete(long configId) {
    jdbc.sql("DELETE FROM record_event_trigger WHERE config_id = :id")
        .param("id", configId)
        .update();
  }

  private static List<String> strings(Array array) throws SQLException {
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }
}
