package dev.apisync.activities.slices;

import dev.apisync.activities.delivery.DeliveryActivitiesImpl;
import dev.apisync.activities.mapping.MappingActivitiesImpl;
import dev.apisync.activities.script.ScriptActivitiesImpl;
import dev.apisync.activities.source.RecordActivitiesImpl;
import dev.apisync.workflows.SliceActivities;
import dev.apisync.workflows.SliceRequest;
import dev.apisync.workflows.SliceResult;
import dev.apisync.workflows.SyncProgress;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slice activity ({@link SliceActivities}): a stretch of a run's pages, sent from one activity
 * with a cursor committed page by page. Its heartbeat carries the run's counters (the Web UI shows
 * them on the pending activity); when it finds the run gone (terminated) or asked to stop (a cancel
 * request, passed on through the runs table), no new request starts.
 */
public class SliceActivitiesImpl implements SliceActivities, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SliceActivitiesImpl.class);

  /**
   * Answered pages that may wait for their commit before the next page is sent. What a killed
   * worker's slice sends again is the pages in flight plus at most these: the commit runs behind
   * the sending (and writes several pages per transaction when it lags) but never far behind.
   */
  public static final int UNCOMMITTED_PAGES = 4;

  /** How often a slice heartbeats; Temporal's throttling decides how often one is sent. */
  private static final long HEARTBEAT_MILLIS = 500;

  private final SlicePorts ports;
  private final DeliveryActivitiesImpl delivery;
  private final ScriptActivitiesImpl scripts;
  private final ExecutorService senders =
      Executors.newCachedThreadPool(
          Thread.ofPlatform().name("slice-sender-", 0).daemon().factory());
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("slice-heartbeat").daemon().factory());

  public SliceActivitiesImpl(
      RecordActivitiesImpl records,
      MappingActivitiesImpl mapping,
      ScriptActivitiesImpl scripts,
      DeliveryActivitiesImpl delivery,
      SliceLedger ledger) {
    this.ports = new SlicePorts(records, mapping, ledger);
    this.delivery = delivery;
    this.scripts = scripts;
  }

  @Override
  public SliceResult sendSlice(SliceRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    ActivityInfo info = context.getInfo();
    // Stable across the activity's attempts, distinct for every slice of every run.
    String sliceKey =
        info.getWorkflowId() + "/" + info.getWorkflowRunId() + "/" + info.getActivityId();
    SliceResult resumedFrom =
        ports
            .ledger()
            .resume(sliceKey)
            .orElseGet(() -> SliceResult.startingAfter(request.firstPage().afterId()));
    AtomicReference<SyncProgress> progress = new AtomicReference<>(request.progressBefore());
    AtomicBoolean canceled = new AtomicBoolean();
    ScheduledFuture<?> heartbeat =
        heartbeats.scheduleWithFixedDelay(
            () -> beat(context, progress.get(), canceled, info.getWorkflowId()),
            0,
            HEARTBEAT_MILLIS,
            TimeUnit.MILLISECONDS);
    try {
      RequestSender sender =
          new RequestSender(
              request.config(),
              delivery.credentialsFor(request.config()),
              delivery,
              scripts,
              request.dryRun(),
              request.previews(),
              info.getWorkflowId(),
              info.getWorkflowRunId());
      return new SliceRun(
              request,
              resumedFrom,
              ports,
              sender,
              senders,
              sliceKey,
              info.getWorkflowId(),
              canceled::get,
              progress::set)
          .run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("the slice was interrupted", "Interrupted");
    } finally {
      heartbeat.cancel(false);
    }
  }

  /**
   * A heartbeat that finds the slice gone (its run terminated, or timed out), or the run asked to
   * stop (a cancel request its workflow passed on), stops new requests.
   */
  private void beat(
      ActivityExecutionContext context,
      SyncProgress progress,
      AtomicBoolean canceled,
      String workflowId) {
    try {
      context.heartbeat(progress);
      if (!canceled.get() && ports.ledger().stopRequested(workflowId)) {
        canceled.set(true);
        log.info("slice {} stops: its run was canceled", context.getInfo().getActivityId());
      }
    } catch (ActivityCompletionException stop) {
      if (!canceled.getAndSet(true)) {
        log.info("slice {} stops: {}", context.getInfo().getActivityId(), stop.toString());
      }
    } catch (RuntimeException e) {
      // Reading the stop flag fails while apisync's database is away: said once, by the committer.
      log.debug("slice heartbeat failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
    senders.shutdownNow();
  }
}
