package dev.apisync.workflows;

import java.util.List;

/**
 * What starts a sync run.
 *
 * @param recordIds the records to send; empty means every record the config's domain selects
 * @param maxHistoryEvents continue-as-new once an execution's history holds this many events; 0
 *     means {@link #DEFAULT_MAX_HISTORY_EVENTS}. Part of the input (not worker configuration) so a
 *     replay always takes the same decision.
 * @param checkpoint {@link RunCheckpoint#FRESH} on the first execution (or a fresh checkpoint with
 *     a cursor, for a retried run that resumes); set by continue-as-new
 * @param incremental send only records written after the config's watermark (a schedule may ask for
 *     it even when the config does not; a config with {@code incremental} on makes every run of it
 *     incremental)
 * @param eventBatch for a run the record-event dispatcher started: the batch of outbox events it
 *     sends, whose deleted records are read as they were when deleted; empty otherwise
 */
public record SyncRunInput(
    long configId,
    List<Long> recordIds,
    Trigger trigger,
    boolean dryRun,
    int maxHistoryEvents,
    RunCheckpoint checkpoint,
    boolean incremental,
    String eventBatch) {

  public static final int DEFAULT_MAX_HISTORY_EVENTS = 10_000;

  public SyncRunInput {
    recordIds = recordIds.stream().distinct().sorted().toList();
    // Absent in inputs recorded before record events existed.
    eventBatch = eventBatch == null ? "" : eventBatch;
  }

  public static SyncRunInput of(
      long configId, List<Long> recordIds, Trigger trigger, boolean dryRun) {
    return new SyncRunInput(
        configId, recordIds, trigger, dryRun, 0, RunCheckpoint.FRESH, false, "");
  }

  /** A run of the records a batch of record events names (trigger {@link Trigger#EVENT}). */
  public static SyncRunInput forEventBatch(long configId, List<Long> recordIds, String batch) {
    return new SyncRunInput(
        configId, recordIds, Trigger.EVENT, false, 0, RunCheckpoint.FRESH, false, batch);
  }

  public int historyEventLimit() {
    return maxHistoryEvents > 0 ? maxHistoryEvents : DEFAULT_MAX_HISTORY_EVENTS;
  }

  public SyncRunInput continuingFrom(RunCheckpoint next) {
    return new SyncRunInput(
        configId, recordIds, trigger, dryRun, maxHistoryEvents, next, incremental, eventBatch);
  }

  /** A new run of the same input that starts after {@code afterId} (see {@link RunCheckpoint}). */
  public SyncRunInput resumingAfter(long afterId) {
    return continuingFrom(RunCheckpoint.resumingAfter(afterId));
  }

  /** The same run, limited to records written after the config's watermark. */
  public SyncRunInput incrementally() {
    return new SyncRunInput(
        configId, recordIds, trigger, dryRun, maxHistoryEvents, checkpoint, true, eventBatch);
  }
}
