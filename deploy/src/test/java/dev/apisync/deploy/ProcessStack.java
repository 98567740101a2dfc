package dev.apisync.deploy;

import dev.apisync.workflows.SyncRunWorkflow;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ITs that kill a worker or take away what it depends on run on: a Temporal dev server and
 * a client's stubs for it, the two databases of an {@link EveryPartnerRun}, and workers as OS
 * processes ({@link WorkerProcess}). Closing it kills the workers and stops the server.
 */
final class ProcessStack implements AutoCloseable {

  final PartnerDatabases databases;
  private TemporalDevServer temporal;
  private final WorkflowServiceStubs service;
  private final List<Process> workers = new ArrayList<>();

  private ProcessStack(PartnerDatabases databases, TemporalDevServer temporal) {
    this.temporal = temporal;
    this.databases = databases;
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
  }

  /**
   * @param databases made first, so that a failure there leaves no Temporal server running
   * @param temporal the server, started
   */
  static ProcessStack start(PartnerDatabases databases, TemporalDevServer temporal) {
    return new ProcessStack(databases, temporal);
  }

  /** Stores the every-partner config and starts its run; the run waits for a worker. */
  SyncRunWorkflow startEveryPartnerRun(String receiverUrl, int pageSize, String workflowId) {
    return EveryPartnerRun.start(service, databases.apisync(), receiverUrl, pageSize, workflowId);
  }

  /** A worker on the two databases, both on the server {@code TestPostgres} runs. */
  Process startWorker() throws IOException {
    return keep(WorkerProcess.start(databases, temporal.target()));
  }

  /** A worker on the databases at these JDBC URLs (user postgres, no password). */
  Process startWorker(String apisyncUrl, String sourceUrl) throws IOException {
    return keep(WorkerProcess.start(apisyncUrl, sourceUrl, temporal.target()));
  }

  /** Stops the Temporal server and starts it again on {@code port} over the same {@code state}. */
  void restartTemporal(int port, Path state) throws IOException {
    temporal.close();
    temporal = TemporalDevServer.startHeadless(port, state);
  }

  private Process keep(Process worker) {
    workers.add(worker);
    return worker;
  }

  @Override
  public void close() {
    workers.forEach(Process::destroyForcibly);
    service.shutdownNow();
    temporal.close();
  }
}
