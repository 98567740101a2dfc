package dev.apisync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.slices.SliceActivitiesImpl;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.SyncRunResult;
import dev.apisync.workflows.SyncRunWorkflow;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the Temporal dev server (keeping its state in a database file) restarted in the middle
 * of a 5,000-record run. The worker process reconnects by itself and the run completes: every
 * record reaches the receiver, one sent twice only when its page was in flight or awaiting its
 * commit, under the same key.
 */
class TemporalRestartIT {

  private static final int RECORDS = 5_000;
  private static final int PAGE_SIZE = 50;

  private static Path state;
  private static int port;
  @AutoClose private static ProcessStack stack;

  // Each page answered after 20 ms: the run takes a few seconds, the restart falls in its middle.
  private final PageReceiver pages = new PageReceiver(20);
  @StartStop private final MockWebServer receiver = pages.newServer();

  @BeforeAll
  static void start() throws IOException {
    state = Files.createTempDirectory("apisync-temporal-restart");
    port = TemporalDevServer.freePort();
    stack =
        ProcessStack.start(
            PartnerDatabases.create(TestPostgres::freshDatabase, "restart", RECORDS),
            TemporalDevServer.startHeadless(port, state));
  }

  @Test
  void aRunOutlivesARestartOfTheTemporalServer() throws Exception {
    SyncRunWorkflow run =
        stack.startEveryPartnerRun(
            receiver.url("/partners").toString(), PAGE_SIZE, "sync-temporal-restart-test");
    stack.startWorker();

    assertThat(pages.awaitTenPages(120)).as("the worker sends pages").isTrue();
    stack.restartTemporal(port, state);
    SyncRunResult result =
        WorkflowStub.fromTyped(run).getResult(5, TimeUnit.MINUTES, SyncRunResult.class);

    assertThat(result.sent()).isEqualTo(RECORDS);
    assertThat(result.failed()).isZero();
    pages.assertEveryRecordArrivedUnderOneKey(stack.databases.allPartnerIds());
    assertThat(pages.requests() - RECORDS / PAGE_SIZE)
        .as("requests sent twice")
        .isLessThanOrEqualTo(1 + SliceActivitiesImpl.UNCOMMITTED_PAGES);
  }
}
