package dev.apisync.activities.slices;

import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.SliceResult;
import dev.apisync.workflows.SyncProgress;
import java.util.List;

/**
 * What one answered page writes to apisync's database.
 *
 * @param progress the run's counters with this page
 * @param failures the records this page failed
 * @param state the slice as it stands with this page, from which a retry resumes
 */
record PageCommit(
    List<RequestLogEntry> logEntries,
    SyncProgress progress,
    List<RecordFailure> failures,
    SliceResult state) {}
