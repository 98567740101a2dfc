package dev.apisync.activities.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;
import okhttp3.HttpUrl;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A config's {@code rateLimit} (requests per second toward its target), shared by every run and
 * every worker: each request reserves the next free slot of its target's origin in PostgreSQL
 * (table {@code rate_limit_slot}, {@code V3__rate_limits.sql}) with one atomic upsert, and goes at
 * that time. Slots of one origin are at least {@code 1 / rateLimit} seconds apart.
 *
 * <p>The key is the origin ({@code scheme://host:port}), not the config: two configs toward one API
 * share its budget, which is what the API's own limit counts. Each request spaces the next by its
 * own config's interval. All times come from the database's clock, so workers' clocks may differ.
 */
public class TargetRateLimiter {

  private final JdbcClient jdbc;

  public TargetRateLimiter(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** {@code https://api.example.com:443}: what a target's rate limit counts against. */
  static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  /**
   * Reserves the origin's next free slot if it is at most {@code maxWait} away.
   *
   * @param requestsPerSecond the config's rate limit, above 0
   * @return the reserved slot; or, when the next free slot is further than {@code maxWait}, an
   *     unreserved answer with the wait until it (the slot stays free for others)
   */
  public RateLimitSlot reserve(String origin, double requestsPerSecond, Duration maxWait) {
    if (!(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("requestsPerSecond must be above 0: " + requestsPerSecond);
    }
    long intervalMicros = Math.max(1, Math.round(1_000_000 / requestsPerSecond));
    long maxWaitMicros = Math.max(0, maxWait.toNanos() / 1_000);
    // The slot is greatest(next_slot, now): the first free time at or after now. The WHERE leaves
    // the row alone (and returns nothing) when that is too far away.
    Optional<RateLimitSlot> reserved =
        jdbc.sql(
                """
                INSERT INTO rate_limit_slot AS r (origin, next_slot)
                VALUES (:origin, statement_timestamp() + :interval * interval '1 microsecond')
                ON CONFLICT (origin) DO UPDATE
                  SET next_slot = greatest(r.next_slot, statement_timestamp())
                    + :interval * interval '1 microsecond'
                  WHERE r.next_slot
                    <= statement_timestamp() + :maxWait * interval '1 microsecond'
                RETURNING r.next_slot - :interval * interval '1 microsecond' AS slot,
                  clock_timestamp() AS now""")
            .param("origin", origin)
            .param("interval", intervalMicros)
            .param("maxWait", maxWaitMicros)
            .query((rs, n) -> slot(rs, true))
            .optional();
    if (reserved.isPresent()) {
      return reserved.get();
    }
    return jdbc.sql(
            """
            SELECT greatest(next_slot, clock_timestamp()) AS slot, clock_timestamp() AS now
            FROM rate_limit_slot WHERE origin = :origin""")
        .param("origin", origin)
        .query((rs, n) -> slot(rs, false))
        .single();
  }

  private static RateLimitSlot slot(ResultSet rs, boolean reserved) throws SQLException {
    OffsetDateTime slot = rs.getObject("slot", OffsetDateTime.class);
    OffsetDateTime now = rs.getObject("now", OffsetDateTime.class);
    Duration wait = Duration.between(now, slot);
    return new RateLimitSlot(slot.toInstant(), wait.isNegative() ? Duration.ZERO : wait, reserved);
  }
}
