package dev.apisync.workflows;

/** A running sync's counters, as the {@code progress} query answers them. */
public record SyncProgress(int pages, int sent, int failed, int skipped, long lastRecordId) {}
