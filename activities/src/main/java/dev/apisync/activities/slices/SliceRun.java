package dev.apisync.activities.slices;

import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.PageQuery;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RecordPage;
import dev.apisync.workflows.SliceRequest;
import dev.apisync.workflows.SliceResult;
import dev.apisync.workflows.SyncProgress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One attempt at a slice: reads and maps a page while earlier pages' requests are out, keeps up to
 * {@code concurrency} requests in flight, and commits pages in order as their requests are
 * answered. Used by one thread, the activity's.
 */
final class SliceRun {

  /** How long the coordinator waits before it looks at finished pages and a cancel again. */
  private static final long POLL_MILLIS = 100;

  private final SliceRequest request;
  private final SlicePorts ports;
  private final RequestSender sender;
  private final ExecutorService senders;
  private final String sliceKey;
  private final String workflowId;
  private final BooleanSupplier canceled;
  private final Consumer<SyncProgress> progressListener;
  private final SliceState state;
  private final Semaphore inFlight;
  private final Deque<PageInFlight> open = new ArrayDeque<>();

  SliceRun(
      SliceRequest request,
      SliceResult resumedFrom,
      SlicePorts ports,
      RequestSender sender,
      ExecutorService senders,
      String sliceKey,
      String workflowId,
      BooleanSupplier canceled,
      Consumer<SyncProgress> progressListener) {
    this.request = request;
    this.ports = ports;
    this.sender = sender;
    this.senders = senders;
    this.sliceKey = sliceKey;
    this.workflowId = workflowId;
    this.canceled = canceled;
    this.progressListener = progressListener;
    this.state = new SliceState(resumedFrom);
    this.inFlight = new Semaphore(Math.max(1, request.config().concurrency()));
  }

  SliceResult run() throws InterruptedException {
    if (state.last() || state.hasUnfinished()) {
      return state.result(); // an earlier attempt got that far and committed it
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.budgetMillis());
    long cursor = state.afterId();
    int taken = state.taken();
    boolean more = true;
    try {
      while (more) {
        int size = pageSize(taken);
        PageQuery query = query(cursor, size);
        RecordPage page = ports.fetchPage(query);
        MappedPage mapped =
            page.ids().isEmpty()
                ? new MappedPage(List.of(), List.of())
                : ports.map(request.config(), query, page);
        open.add(submit(page, mapped));
        cursor = page.nextAfterId();
        taken += page.ids().size();
        commitFinished(false);
        more =
            !page.last()
                && System.nanoTime() < deadline
                && !canceled.getAsBoolean()
                && !state.hasUnfinished()
                && (request.recordBudget() == 0 || taken < request.recordBudget());
      }
    } finally {
      commitFinished(true);
    }
    return state.result();
  }

  private int pageSize(int taken) {
    int size = request.firstPage().size();
    return request.recordBudget() > 0 ? Math.min(size, request.recordBudget() - taken) : size;
  }

  private PageQuery query(long afterId, int size) {
    PageQuery first = request.firstPage();
    return new PageQuery(
        first.model(),
        first.filterDomain(),
        first.recordIds(),
        afterId,
        size,
        first.evaluatedAtMillis(),
        first.language(),
        first.companyId(),
        first.companyRecordsOnly(),
        first.incremental(),
        first.writtenAfter(),
        first.eventBatch());
  }

  /**
   * Starts the page's requests, each once a slot is free; finished pages commit meanwhile. After a
   * cancel the page's remaining requests are not sent.
   */
  private PageInFlight submit(RecordPage page, MappedPage mapped) throws InterruptedException {
    List<Future<SentRequest>> requests = new ArrayList<>();
    for (List<MappedRecord> records : requestRecords(mapped.records())) {
      while (!inFlight.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        commitFinished(false);
      }
      if (canceled.getAsBoolean()) {
        inFlight.release();
        break;
      }
      requests.add(
          senders.submit(
              () -> {
                try {
                  return sender.send(records);
                } finally {
                  inFlight.release();
                }
              }));
    }
    return new PageInFlight(page, mapped.failures(), requests);
  }

  /** One request per record, or the page's records as one (paginated). */
  private List<List<MappedRecord>> requestRecords(List<MappedRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    if (request.config().paginated()) {
      return List.of(records);
    }
    return records.stream().map(List::of).toList();
  }

  /** Commits the leading pages whose requests are all answered; with {@code all}, waits for all. */
  private void commitFinished(boolean all) throws InterruptedException {
    while (!open.isEmpty() && (all || open.peekFirst().answered())) {
      PageInFlight page = open.pollFirst();
      List<SentRequest> answered = page.await();
      List<RecordFailure> failures = new ArrayList<>(page.mappingFailures());
      List<RequestLogEntry> logEntries = new ArrayList<>();
      for (SentRequest sent : answered) {
        failures.addAll(sent.failures());
        sent.logEntry().ifPresent(logEntries::add);
      }
      state.pageDone(page.page(), failures, answered);
      SyncProgress progress = state.progress(request.progressBefore());
      ports.commit(sliceKey, workflowId, logEntries, progress, failures, state.result());
      progressListener.accept(progress);
    }
  }

  /** A page whose requests are out. */
  private record PageInFlight(
      RecordPage page, List<RecordFailure> mappingFailures, List<Future<SentRequest>> requests) {

    boolean answered() {
      return requests.stream().allMatch(Future::isDone);
    }

    List<SentRequest> await() throws InterruptedException {
      List<SentRequest> answered = new ArrayList<>(requests.size());
      for (Future<SentRequest> request : requests) {
        answered.add(result(request));
      }
      return answered;
    }

    private static SentRequest result(Future<SentRequest> request) throws InterruptedException {
      while (true) {
        try {
          return request.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillOut) {
          // keep waiting: the request's own timeouts bound it
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    }
  }
}
