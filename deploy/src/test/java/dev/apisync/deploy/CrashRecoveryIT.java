package dev.apisync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.slices.SliceActivitiesImpl;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worker killed with SIGKILL in the middle of a 5,000-record run loses nothing: a new worker
 * process resumes the run's slice after its last committed page, and a record reaches the receiver
 * twice only when its page was in flight or awaiting its commit, under the same Idempotency-Key.
 */
class CrashRecoveryIT {

  private static final int RECORDS = 5_000;

  @AutoClose private static ProcessStack stack;

  // Each page answered after 20 ms: the run takes a few seconds, the kill falls in its middle.
  private final PageReceiver pages = new PageReceiver(20);
  @StartStop private final MockWebServer receiver = pages.newServer();

  @BeforeAll
  static void start() throws IOException {
    stack =
        ProcessStack.start(
            PartnerDatabases.create(TestPostgres::freshDatabase, "crash", RECORDS),
            TemporalDevServer.startEphemeral());
  }

  @Test
  void aKilledWorkerLosesNoRecordAndResendsOnlyWhatWasInFlight() throws Exception {
    SyncRunWorkflow run =
        stack.startEveryPartnerRun(receiver.url("/partners").toString(), 50, "sync-crash-test");

    Process first = stack.startWorker();
    assertThat(pages.awaitTenPages(120)).as("the first worker sends pages").isTrue();
    first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no goodbye to Temporal
    int beforeCrash = pages.requests();
    stack.startWorker();

    SyncRunResult result =
        WorkflowStub.fromTyped(run)
            .getResult(5, java.util.concurrent.TimeUnit.MINUTES, SyncRunResult.class);

    assertThat(result.sent()).isEqualTo(RECORDS);
    assertThat(result.failed()).isZero();
    assertThat(beforeCrash).isLessThan(RECORDS / 50);
    pages.assertEveryRecordArrivedUnderOneKey(stack.databases.allPartnerIds());
    // Sent twice: at most the page in flight and those answered but not yet committed.
    assertThat(pages.requests() - RECORDS / 50)
        .as("requests sent twice")
        .isLessThanOrEqualTo(1 + SliceActivitiesImpl.UNCOMMITTED_PAGES);
  }
}
