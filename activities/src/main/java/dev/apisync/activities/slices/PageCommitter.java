package dev.apisync.activities.slices;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Writes a slice's answered pages in order, off the thread that reads and sends the next ones. When
 * the database is slower than the pages come, the pages waiting are written together in one
 * transaction, so a busy store costs fewer commits rather than a slower run.
 */
final class PageCommitter {

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
        ledger.commit(sliceKey, workflowId, batch);
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

  private void throwIfFailed() {
    if (failure != null) {
      throw failure;
    }
  }
}
