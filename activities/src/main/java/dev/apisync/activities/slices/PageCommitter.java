package dev.apisync.activities.slices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a slice's answered pages in order, off the thread that reads and sends the next ones. When
 * the database is slower than the pages come, the pages waiting are written together in one
 * transaction, so a busy store costs fewer commits rather than a slower run.
 */
final class PageCommitter {

  private static final Logger log = LoggerFactory.getLogger(PageCommitter.class);

  /** As long as a slice attempt may run (its start-to-close timeout). */
  private static final Duration MAX_OUTAGE = Duration.ofMinutes(30);

  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private final SliceLedger ledger;
  private final String sliceKey;
  private final String workflowId;
  private final Executor executor;
  private final List<PageCommit> pending = new ArrayList<>();
  private boolean writing;
  private int unwritten;
  private RuntimeException failure;

  PageCommitter(SliceLedger ledger, String sliceKey, String workflowId, Executor executor) {
    this.ledger = ledger;
    this.sliceKey = sliceKey;
    this.workflowId = workflowId;
    this.executor = executor;
  }

  /**
   * Queues a page behind the ones before it.
   *
   * @throws RuntimeException the failure of an earlier write: the slice stops there, and its retry
   *     resumes after the last page written
   */
  synchronized void add(PageCommit page) {
    throwIfFailed();
    pending.add(page);
    unwritten++;
    if (!writing) {
      writing = true;
      executor.execute(this::writePending);
    }
  }

  /** Pages queued or being written. */
  synchronized int unwritten() {
    return unwritten;
  }

  /** Waits up to {@code millis} for a write to finish, when one is under way. */
  synchronized void awaitProgress(long millis) throws InterruptedException {
    if (unwritten > 0 && failure == null) {
      wait(millis);
    }
    throwIfFailed();
  }

  /** Waits until every queued page is written. */
  synchronized void awaitWritten() throws InterruptedException {
    while (writing) {
      wait();
    }
    throwIfFailed();
  }

  private void writePending() {
    while (true) {
      List<PageCommit> batch;
      synchronized (this) {
        if (pending.isEmpty() || failure != null) {
          writing = false;
          notifyAll();
          return;
        }
        batch = List.copyOf(pending);
        pending.clear();
      }
      try {
        commitWaitingOutOutages(batch);
        synchronized (this) {
          unwritten -= batch.size();
          notifyAll();
        }
      } catch (RuntimeException e) {
        synchronized (this) {
          failure = e;
        }
      }
    }
  }

  /**
   * Commits the pages, waiting for apisync's database while it is unreachable (up to {@link
   * #MAX_OUTAGE}): their requests were answered, and a slice that failed now would send them again
   * on its retry. The sender stops meanwhile, since no page is sent while too many wait for their
   * commit. A retry first checks whether the failed attempt's commit went through after all.
   */
  private void commitWaitingOutOutages(List<PageCommit> batch) {
    long waitingSince = 0;
    long backoff = FIRST_BACKOFF_MILLIS;
    while (true) {
      try {
        if (waitingSince == 0 || !ledger.committed(sliceKey, batch.getLast().state().pages())) {
          ledger.commit(sliceKey, workflowId, batch);
        }
        if (waitingSince != 0) {
          log.info(
              "slice {}: apisync's database is back after {} ms; {} pages committed",
              sliceKey,
              (System.nanoTime() - waitingSince) / 1_000_000,
              batch.size());
        }
        return;
      } catch (RuntimeException e) {
        if (!StoreOutages.isOutage(e)) {
          throw e;
        }
        long now = System.nanoTime();
        if (waitingSince == 0) {
          waitingSince = now;
          log.warn(
              "slice {}: apisync's database is unreachable; {} answered pages wait for their"
                  + " commit, no page is sent meanwhile: {}",
              sliceKey,
              batch.size(),
              e.toString());
        } else if (now - waitingSince > MAX_OUTAGE.toNanos()) {
          throw e;
        }
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
      }
    }
  }

  private void throwIfFailed() {
    if (failure != null) {
      throw failure;
    }
  }
}
