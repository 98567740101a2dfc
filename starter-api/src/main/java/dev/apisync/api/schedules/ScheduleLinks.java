package dev.apisync.api.schedules;

import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code sync_schedule} table: which configs have a Temporal Schedule, and its cron. */
@Component
class ScheduleLinks {

  /**
   * @param cron the cron as the user wrote it; null for an interval schedule
   */
  record Link(String scheduleId, String cron) {}

  private final JdbcClient jdbc;

  ScheduleLinks(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  Optional<Link> find(long configId) {
    return jdbc.sql("SELECT schedule_id, cron FROM sync_schedule WHERE config_id = ?")
        .param(configId)
        .query((rs, row) -> new Link(rs.getString("schedule_id"), rs.getString("cron")))
        .optional();
  }

  void save(long configId, Link link) {
    jdbc.sql(
            "INSERT INTO sync_schedule (config_id, schedule_id, cron) VALUES (?, ?, ?)"
                + " ON CONFLICT (config_id) DO UPDATE SET schedule_id = EXCLUDED.schedule_id,"
                + " cron = EXCLUDED.cron, updated_at = now()")
        .params(configId, link.scheduleId(), link.cron())
        .update();
  }

  void delete(long configId) {
    jdbc.sql("DELETE FROM sync_schedule WHERE config_id = ?").param(configId).update();
  }
}
