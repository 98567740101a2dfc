package dev.apisync.workflows;

/**
 * A running sync's counters, as the {@code progress} query answers them.
 *
 * @param waiting what the run is waiting for (an unavailable target), empty while it is not
 */
public record SyncProgress(
    int pages, int sent, int failed, int skipped, long lastRecordId, String waiting) {

  public SyncProgress {
    waiting = waiting == null ? "" : waiting;
  }

  public SyncProgress(int pages, int sent, int failed, int skipped, long lastRecordId) {
    this(pages, sent, failed, skipped, lastRecordId, "");
  }
}
