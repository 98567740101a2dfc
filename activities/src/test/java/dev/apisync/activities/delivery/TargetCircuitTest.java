package dev.apisync.activities.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.TargetOutage;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The circuit around a target origin, on apisync's database as every worker shares it. */
class TargetCircuitTest {

  private static final OutageSettings THREE_IN_A_MINUTE = new OutageSettings(3, 60, 60);

  private final DataSource database = TestTargets.apisyncDatabase();
  private final String origin = "http://target-" + UUID.randomUUID() + ":80";
  private final TargetCircuit circuit =
      new TargetCircuit(database, Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  void opensAfterTheThresholdOfFailuresInARow() {
    assertThat(circuit.failed(origin, THREE_IN_A_MINUTE, "refused", false)).isEmpty();
    assertThat(circuit.failed(origin, THREE_IN_A_MINUTE, "refused", false)).isEmpty();

    Optional<TargetOutage> outage = circuit.failed(origin, THREE_IN_A_MINUTE, "503", false);

    assertThat(outage).hasValueSatisfying(open -> assertThat(open.lastError()).isEqualTo("503"));
    assertThat(outage.get().nextProbeMillis()).isGreaterThan(outage.get().sinceMillis());
    assertThat(circuit.permit(origin).mayGo()).isFalse();
  }

  @Test
  void anAnswerInBetweenEndsTheStreak() {
    circuit.permit(origin);
    circuit.failed(origin, THREE_IN_A_MINUTE, "refused", false);
    circuit.failed(origin, THREE_IN_A_MINUTE, "refused", false);
    circuit.succeeded(origin);

    assertThat(circuit.failed(origin, THREE_IN_A_MINUTE, "refused", false)).isEmpty();
    assertThat(circuit.permit(origin)).isEqualTo(TargetCircuit.Permit.GO);
  }

  @Test
  void failuresOlderThanTheWindowStartAStreakAgain() {
    circuit.failed(origin, THREE_IN_A_MINUTE, "refused", false);
    circuit.failed(origin, THREE_IN_A_MINUTE, "refused", false);
    JdbcClient.create(database)
        .sql(
            "UPDATE target_circuit SET streak_started_at = now() - interval '2 minutes'"
                + " WHERE origin = ?")
        .param(origin)
        .update();

    assertThat(circuit.failed(origin, THREE_IN_A_MINUTE, "refused", false)).isEmpty();
  }

  @Test
  void oneProbeAtATimeOnceDueAndItsSuccessClosesTheCircuitForEveryWorker() {
    open();
    makeProbeDue();
    TargetCircuit worker = anotherWorker();
    TargetCircuit otherWorker = anotherWorker();

    TargetCircuit.Permit probe = worker.permit(origin);
    TargetCircuit.Permit second = otherWorker.permit(origin);

    assertThat(probe.mayGo()).isTrue();
    assertThat(probe.probe()).isTrue();
    assertThat(second.mayGo()).isFalse();
    worker.succeeded(origin);
    assertThat(anotherWorker().permit(origin)).isEqualTo(TargetCircuit.Permit.GO);
  }

  @Test
  void aFailedProbeDoublesTheWaitUpToTheMaximum() {
    open();
    makeProbeDue();
    TargetCircuit worker = anotherWorker();
    assertThat(worker.permit(origin).probe()).isTrue();

    TargetOutage after =
        worker.failed(origin, THREE_IN_A_MINUTE, "still refused", true).orElseThrow();

    // The first probe came 100 ms after the opening; the next waits twice that.
    assertThat(after.lastError()).isEqualTo("still refused");
    assertThat(after.nextProbeMillis()).isGreaterThan(System.currentTimeMillis() + 100);
    assertThat(after.nextProbeMillis()).isLessThanOrEqualTo(System.currentTimeMillis() + 1_000);
    assertThat(worker.permit(origin).mayGo()).isFalse();
  }

  @Test
  void aCircuitThatCannotBeReadLetsRequestsGo() {
    TargetCircuit unreadable =
        new TargetCircuit(
            dev.apisync.activities.testing.TestPostgres.freshDatabase("circuit_no_tables"),
            Duration.ofMillis(100),
            Duration.ofSeconds(1));

    assertThat(unreadable.permit(origin)).isEqualTo(TargetCircuit.Permit.GO);
    assertThat(unreadable.failed(origin, THREE_IN_A_MINUTE, "refused", false)).isEmpty();
  }

  /** A worker that has not read the circuit yet (each trusts its own last read for a second). */
  private TargetCircuit anotherWorker() {
    return new TargetCircuit(database, Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  private void open() {
    for (int i = 0; i < 3; i++) {
      circuit.failed(origin, THREE_IN_A_MINUTE, "refused", false);
    }
  }

  private void makeProbeDue() {
    JdbcClient.create(database)
        .sql(
            "UPDATE target_circuit SET next_probe_at = now() - interval '1 second' WHERE origin = ?")
        .param(origin)
        .update();
  }
}
