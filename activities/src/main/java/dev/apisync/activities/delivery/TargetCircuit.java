package dev.apisync.activities.delivery;

import dev.apisync.activities.jdbc.Transactions;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.TargetOutage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit around each target origin, shared by every run and worker through PostgreSQL (table
 * {@code target_circuit}, like {@link TargetRateLimiter}'s slots). {@code circuitThreshold} failed
 * requests in a row within {@code circuitWindowSeconds} (no connection, or a 5xx) open it. While it
 * is open no request goes out, except one probe at a time when its next probe is due: the probe's
 * success closes the circuit; its failure doubles the wait for the next (up to {@code
 * maxProbeInterval}).
 *
 * <p>A request that finds the circuit closed costs no query: each worker trusts what it last read
 * of an origin for a second. The circuit is a guard, not a gate: when the database cannot be read,
 * the request goes (the target may be fine while the store is away).
 *
 * <p>Long because the circuit's SQL (count, open, probe, close) lives with the rules it implements.
 */
public class TargetCircuit {

  private static final Logger log = LoggerFactory.getLogger(TargetCircuit.class);

  /** How long this worker trusts what it last read of an origin's circuit. */
  private static final long TRUST_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final DataSource dataSource;
  private final Duration firstProbeAfter;
  private final Duration maxProbeInterval;
  private final ConcurrentMap<String, Known> known = new ConcurrentHashMap<>();

  /** What this worker last read or wrote of an origin: open (outage), or a failure streak. */
  private record Known(TargetOutage outage, boolean streak, long readAtNanos) {

    boolean trusted() {
      return System.nanoTime() - readAtNanos < TRUST_NANOS;
    }
  }

  /**
   * Whether a request may go.
   *
   * @param probe the request is the open circuit's probe: its outcome closes or reopens it
   * @param outage the open circuit, when the request may not go (or is its probe)
   */
  public record Permit(boolean mayGo, boolean probe, TargetOutage outage) {

    static final Permit GO = new Permit(true, false, null);

    static Permit wait(TargetOutage outage) {
      return new Permit(false, false, outage);
    }
  }

  /**
   * @param firstProbeAfter the wait from the circuit's opening to its first probe
   * @param maxProbeInterval the longest wait between probes
   */
  public TargetCircuit(DataSource dataSource, Duration firstProbeAfter, Duration maxProbeInterval) {
    if (!firstProbeAfter.isPositive() || maxProbeInterval.compareTo(firstProbeAfter) < 0) {
      throw new IllegalArgumentException(
          "apisync.circuit: first-probe-after must be positive and at most max-probe-interval");
    }
    this.dataSource = dataSource;
    this.firstProbeAfter = firstProbeAfter;
    this.maxProbeInterval = maxProbeInterval;
  }

  /** Whether a request toward {@code origin} may go now. */
  public Permit permit(String origin) {
    Known last = known.get(origin);
    if (last != null && last.trusted()) {
      if (last.outage() == null) {
        return Permit.GO;
      }
      if (System.currentTimeMillis() < last.outage().nextProbeMillis()) {
        return Permit.wait(last.outage());
      }
    }
    try (Connection connection = dataSource.getConnection()) {
      Optional<Row> row = read(connection, origin, false);
      if (row.isEmpty() || row.get().openedAt() == null) {
        known.put(origin, new Known(null, row.isPresent() && row.get().failures() > 0, now()));
        return Permit.GO;
      }
      Optional<Row> claimed = claimProbe(connection, origin);
      Row current = claimed.orElse(row.get());
      TargetOutage outage = current.outage(origin);
      known.put(origin, new Known(outage, true, now()));
      return claimed.isPresent() ? new Permit(true, true, outage) : Permit.wait(outage);
    } catch (SQLException | RuntimeException e) {
      log.debug("circuit of {} not readable, the request goes: {}", origin, e.toString());
      return Permit.GO;
    }
  }

  /** The target answered (anything but a 5xx): the streak ends, an open circuit closes. */
  public void succeeded(String origin) {
    Known last = known.get(origin);
    if (last != null && last.outage() == null && !last.streak()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement close =
            connection.prepareStatement(
                """
                UPDATE target_circuit
                SET failures = 0, streak_started_at = NULL, opened_at = NULL,
                    next_probe_at = NULL, failed_probes = 0
                WHERE origin = ? AND (failures > 0 OR opened_at IS NOT NULL)""")) {
      close.setString(1, origin);
      close.executeUpdate();
      known.put(origin, new Known(null, false, now()));
      if (last != null && last.outage() != null) {
        log.info("circuit of {} closed: the target answered again", origin);
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("circuit of {} could not be closed: {}", origin, e.toString());
    }
  }

  /**
   * A request got no connection or a 5xx.
   *
   * @param probe whether it was the open circuit's probe
   * @return the circuit, when it is open now
   */
  public Optional<TargetOutage> failed(
      String origin, OutageSettings settings, String error, boolean probe) {
    try {
      Optional<TargetOutage> outage =
          Transactions.inTransaction(
              dataSource, connection -> countFailure(connection, origin, settings, error, probe));
      known.put(origin, new Known(outage.orElse(null), true, now()));
      return outage;
    } catch (SQLException | RuntimeException e) {
      log.warn("circuit of {} could not count a failure: {}", origin, e.toString());
      return Optional.empty();
    }
  }

  private Optional<TargetOutage> countFailure(
      Connection connection, String origin, OutageSettings settings, String error, boolean probe)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO target_circuit (origin) VALUES (?) ON CONFLICT (origin) DO NOTHING")) {
      insert.setString(1, origin);
      insert.executeUpdate();
    }
    Row row = read(connection, origin, true).orElseThrow();
    String lastError = error.length() > 500 ? error.substring(0, 500) + "…" : error;
    if (row.openedAt() != null) {
      if (!probe) {
        // A request that was already out when the circuit opened: the probes decide.
        return Optional.of(row.outage(origin));
      }
      long wait =
          Math.min(
              maxProbeInterval.toMillis(),
              firstProbeAfter.toMillis() << Math.min(20, row.failedProbes() + 1));
      return Optional.of(
          update(
              connection,
              origin,
              "failed_probes = failed_probes + 1, last_error = ?,"
                  + " next_probe_at = clock_timestamp() + ? * interval '1 millisecond'",
              lastError,
              wait));
    }
    boolean streakExpired =
        row.failures() == 0
            || row.streakStartedAt() == null
            || row.nowMillis() - row.streakStartedAt().getTime()
                > settings.circuitWindowSeconds() * 1000L;
    int failures = streakExpired ? 1 : row.failures() + 1;
    if (failures < settings.circuitThreshold()) {
      update(
          connection,
          origin,
          "failures = ?, last_error = ?, streak_started_at = "
              + (streakExpired ? "clock_timestamp()" : "streak_started_at"),
          failures,
          lastError);
      return Optional.empty();
    }
    TargetOutage opened =
        update(
            connection,
            origin,
            "failures = ?, last_error = ?, opened_at = clock_timestamp(), failed_probes = 0,"
                + " next_probe_at = clock_timestamp() + ? * interval '1 millisecond'",
            failures,
            lastError,
            firstProbeAfter.toMillis());
    log.warn(
        "circuit of {} open after {} failed requests in a row: {}", origin, failures, lastError);
    return Optional.of(opened);
  }

  private static TargetOutage update(
      Connection connection, String origin, String assignments, Object... values)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE target_circuit SET "
                + assignments
                + " WHERE origin = ? RETURNING "
                + Row.COLUMNS)) {
      int index = 1;
      for (Object value : values) {
        update.setObject(index++, value);
      }
      update.setString(index, origin);
      try (ResultSet rs = update.executeQuery()) {
        rs.next();
        return Row.of(rs).outage(origin);
      }
    }
  }

  /** Takes the open circuit's probe when it is due; empty when it is not, or someone took it. */
  private Optional<Row> claimProbe(Connection connection, String origin) throws SQLException {
    long hold = maxProbeInterval.toMillis();
    try (PreparedStatement claim =
        connection.prepareStatement(
            // The probe holds the slot for a while: its outcome sets the real next probe time.
            """
            UPDATE target_circuit
            SET next_probe_at = clock_timestamp() + ? * interval '1 millisecond'
            WHERE origin = ? AND opened_at IS NOT NULL AND next_probe_at <= clock_timestamp()
            RETURNING\s"""
                + Row.COLUMNS)) {
      claim.setLong(1, hold);
      claim.setString(2, origin);
      try (ResultSet rs = claim.executeQuery()) {
        return rs.next() ? Optional.of(Row.of(rs)) : Optional.empty();
      }
    }
  }

  private static Optional<Row> read(Connection connection, String origin, boolean forUpdate)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + Row.COLUMNS
                + " FROM target_circuit WHERE origin = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      select.setString(1, origin);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(Row.of(rs)) : Optional.empty();
      }
    }
  }

  private static long now() {
    return System.nanoTime();
  }

  /** A row of {@code target_circuit}, with the database's clock when it was read. */
  private record Row(
      int failures,
      Timestamp streakStartedAt,
      Timestamp openedAt,
      Timestamp nextProbeAt,
      int failedProbes,
      String lastError,
      long nowMillis) {

    static final String COLUMNS =
        "failures, streak_started_at, opened_at, next_probe_at, failed_probes, last_error,"
            + " clock_timestamp() AS now";

    static Row of(ResultSet rs) throws SQLException {
      return new Row(
          rs.getInt("failures"),
          rs.getTimestamp("streak_started_at"),
          rs.getTimestamp("opened_at"),
          rs.getTimestamp("next_probe_at"),
          rs.getInt("failed_probes"),
          rs.getString("last_error"),
          rs.getTimestamp("now").getTime());
    }

    TargetOutage outage(String origin) {
      long since = openedAt == null ? nowMillis : openedAt.getTime();
      long probe = nextProbeAt == null ? nowMillis : nextProbeAt.getTime();
      return new TargetOutage(origin, since, probe, lastError);
    }
  }
}
