package dev.apisync.activities.slices;

import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.workflows.DeliveryRequest;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.PageQuery;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RecordPage;
import dev.apisync.workflows.SliceRequest;
import dev.apisync.workflows.SliceResult;
import dev.apisync.workflows.SyncProgress;
import dev.apisync.workflows.UnfinishedRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One attempt at a slice: reads the ids of several pages per query, maps pages on sender threads
 * while earlier pages' requests are out, keeps up to {@code concurrency} requests in flight, and
 * hands answered pages, in order, to the {@link PageCommitter}. Its methods run on one thread, the
 * activity's.
 *
 * <p>Long because it is one loop with its helpers: reading ahead, mapping, bounding the requests in
 * flight and the pages awaiting their commit; split up, the invariants between them would be hard
 * to see.
 */
final class SliceRun {

  /** How long the coordinator waits before it looks at finished pages and a cancel again. */
  private static final long POLL_MILLIS = 100;

  /** Pages read (and being mapped) ahead of the one whose requests are being started. */
  private static final int READ_AHEAD = 6;

  private final SliceRequest request;
  private final SlicePorts ports;
  private final RequestSender sender;
  private final ExecutorService senders;
  private final String sliceKey;
  private final BooleanSupplier canceled;
  private final Consumer<SyncProgress> progressListener;
  private final SliceState state;
  private final Semaphore inFlight;
  private final Deque<PageInFlight> open = new ArrayDeque<>();
  private final SliceTimings timings = new SliceTimings();
  private final PageCommitter committer;

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
    this.canceled = canceled;
    this.progressListener = progressListener;
    this.state = new SliceState(resumedFrom);
    this.inFlight = new Semaphore(Math.max(1, request.config().concurrency()));
    this.committer = new PageCommitter(ports.ledger(), sliceKey, workflowId, senders);
  }

  SliceResult run() throws InterruptedException {
    if (state.last() || state.hasUnfinished()) {
      return state.result(); // an earlier attempt got that far and committed it
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.budgetMillis());
    long cursor = state.afterId();
    int taken = state.taken();
    boolean reading = true;
    int submitted = 0; // a slice always sends a page, however slow its reads
    Deque<PageRead> ahead = new ArrayDeque<>();
    try {
      while (true) {
        while (reading && ahead.size() < READ_AHEAD) {
          PageQuery query = request.firstPage().from(cursor, readSize(taken));
          long started = System.nanoTime();
          RecordPage read = ports.fetchPage(query);
          timings.fetched(System.nanoTime() - started);
          for (RecordPage page : pages(read)) {
            ahead.add(new PageRead(page, mapping(query, page)));
          }
          cursor = read.nextAfterId();
          taken += read.ids().size();
          reading =
              !read.last()
                  && System.nanoTime() < deadline
                  && (request.recordBudget() == 0 || taken < request.recordBudget());
        }
        boolean outOfTime = submitted > 0 && System.nanoTime() >= deadline;
        if (ahead.isEmpty()
            || outOfTime
            || canceled.getAsBoolean()
            || state.hasUnfinished()
            || sender.targetUnavailable()) {
          break; // pages read ahead and not sent stay after the cursor, for the next slice
        }
        PageRead next = ahead.pollFirst();
        MappedPage mapped = awaitAnswer(next.mapped());
        while (open.size() + committer.unwritten()
            >= SliceActivitiesImpl.UNCOMMITTED_PAGES + inFlightLimit()) {
          PageInFlight oldest = open.peekFirst();
          if (oldest != null && !oldest.answered()) {
            oldest.awaitAnswered(POLL_MILLIS);
          } else {
            committer.awaitProgress(POLL_MILLIS);
          }
          commitFinished(false);
        }
        open.add(submit(next.page(), mapped));
        submitted++;
        commitFinished(false);
      }
    } finally {
      ahead.forEach(read -> read.mapped().cancel(false));
      commitFinished(true);
      committer.awaitWritten();
      timings.log(sliceKey, state.result());
    }
    return state.result();
  }

  /** Maps a page on a sender thread, while the coordinator reads the next. */
  private Future<MappedPage> mapping(PageQuery query, RecordPage page) {
    if (page.ids().isEmpty()) {
      return CompletableFuture.completedFuture(new MappedPage(List.of(), List.of()));
    }
    return senders.submit(
        () -> {
          long started = System.nanoTime();
          try {
            return ports.map(request.config(), query, page);
          } finally {
            timings.mapped(System.nanoTime() - started);
          }
        });
  }

  /** Waits for a page's mapping, committing answered pages meanwhile. */
  private <T> T awaitAnswer(Future<T> future) throws InterruptedException {
    long waiting = System.nanoTime();
    try {
      while (true) {
        try {
          return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException notYet) {
          commitFinished(false);
        } catch (ExecutionException e) {
          throw unwrapped(e);
        }
      }
    } finally {
      timings.waitedForMapping(System.nanoTime() - waiting);
    }
  }

  private static RuntimeException unwrapped(ExecutionException e) {
    return e.getCause() instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(e.getCause());
  }

  /** A page read from the source whose mapping may still be running. */
  private record PageRead(RecordPage page, Future<MappedPage> mapped) {}

  /**
   * A domain run reads the ids of {@link #READ_AHEAD} pages in one query (one round trip instead of
   * four); an explicit-id run reads a page at a time, as its skipped ids are reported per page.
   */
  private int readSize(int taken) {
    PageQuery first = request.firstPage();
    int size = first.recordIds().isEmpty() ? first.size() * READ_AHEAD : first.size();
    return request.recordBudget() > 0 ? Math.min(size, request.recordBudget() - taken) : size;
  }

  /** The pages of the config's size in what one read returned, each with its own cursor. */
  private List<RecordPage> pages(RecordPage read) {
    int size = request.firstPage().size();
    if (read.ids().size() <= size) {
      return List.of(read);
    }
    List<RecordPage> pages = new ArrayList<>();
    for (int from = 0; from < read.ids().size(); from += size) {
      List<Long> ids = read.ids().subList(from, Math.min(from + size, read.ids().size()));
      boolean lastOfRead = from + size >= read.ids().size();
      // The read's highest write date goes with its last page: a slice that stops earlier reads
      // the rest again, with it.
      pages.add(
          lastOfRead
              ? new RecordPage(
                  ids, read.skipped(), read.nextAfterId(), read.last(), read.highWriteDate())
              : new RecordPage(ids, List.of(), ids.getLast(), false, ""));
    }
    return pages;
  }

  /**
   * Starts the page's requests, each once a slot is free; finished pages commit meanwhile. After a
   * cancel the page's remaining requests are not sent: they go back unfinished and uncharged, so
   * the run's recorded cursor stays before them.
   */
  private PageInFlight submit(RecordPage page, MappedPage mapped) throws InterruptedException {
    List<Future<SentRequest>> requests = new ArrayList<>();
    for (List<MappedRecord> records : requestRecords(mapped.records())) {
      if (canceled.getAsBoolean()) {
        requests.add(CompletableFuture.completedFuture(notSent(records)));
        continue;
      }
      long waiting = System.nanoTime();
      while (!inFlight.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        commitFinished(false);
      }
      timings.waitedForSlot(System.nanoTime() - waiting);
      if (canceled.getAsBoolean()) {
        inFlight.release();
        requests.add(CompletableFuture.completedFuture(notSent(records)));
        continue;
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

  private SentRequest notSent(List<MappedRecord> records) {
    return SentRequest.unfinished(
        UnfinishedRequest.carrying(records, request.config().paginated(), "", 0, false, 0),
        Optional.empty());
  }

  /** Pages that may be in flight at once: a page per request when paginated. */
  private int inFlightLimit() {
    return request.config().paginated() ? Math.max(1, request.config().concurrency()) : 1;
  }

  /**
   * One request per record, or the page's records as one (paginated), cut into several when their
   * mapped JSON exceeds {@link DeliveryRequest#MAX_RECORD_BYTES}.
   */
  private List<List<MappedRecord>> requestRecords(List<MappedRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    if (!request.config().paginated()) {
      return records.stream().map(List::of).toList();
    }
    List<List<MappedRecord>> requests = new ArrayList<>();
    int from = 0;
    long bytes = 0;
    for (int i = 0; i < records.size(); i++) {
      long size = records.get(i).json().length();
      if (i > from && bytes + size > DeliveryRequest.MAX_RECORD_BYTES) {
        requests.add(records.subList(from, i));
        from = i;
        bytes = 0;
      }
      bytes += size;
    }
    requests.add(records.subList(from, records.size()));
    return requests;
  }

  /** Commits the leading pages whose requests are all answered; with {@code all}, waits for all. */
  private void commitFinished(boolean all) throws InterruptedException {
    while (!open.isEmpty() && (all || open.peekFirst().answered())) {
      PageInFlight page = open.pollFirst();
      long waiting = System.nanoTime();
      List<SentRequest> answered = page.await();
      timings.answered(System.nanoTime() - waiting);
      List<RecordFailure> failures = new ArrayList<>(page.mappingFailures());
      List<RequestLogEntry> logEntries = new ArrayList<>();
      for (SentRequest sent : answered) {
        failures.addAll(sent.failures());
        sent.logEntry().ifPresent(logEntries::add);
      }
      state.pageDone(page.page(), failures, answered);
      SyncProgress progress = state.progress(request.progressBefore());
      committer.add(new PageCommit(logEntries, progress, failures, state.result()));
      progressListener.accept(progress);
    }
  }

  /** A page whose requests are out. */
  private record PageInFlight(
      RecordPage page, List<RecordFailure> mappingFailures, List<Future<SentRequest>> requests) {

    boolean answered() {
      return requests.stream().allMatch(Future::isDone);
    }

    /** Waits up to about {@code millis} for the page's requests; their failures surface later. */
    void awaitAnswered(long millis) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      for (Future<SentRequest> request : requests) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          request.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException notNow) {
          // await() reports a failed request; a late one is waited for again
        }
      }
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
          throw unwrapped(e);
        }
      }
    }
  }
}
