package dev.apisync.workflows;

import java.util.List;

/**
 * How a run ended.
 *
 * @param failuresOmitted failed records beyond the listed ones (the list is capped to keep the
 *     result well below Temporal's payload limit)
 * @param previews for a dry run, the first requests that would have been sent
 */
public record SyncRunResult(
    int pages,
    int sent,
    int failed,
    int skipped,
    List<RecordFailure> failures,
    int failuresOmitted,
    boolean dryRun,
    List<RequestPreview> previews) {

  public SyncRunResult {
    failures = List.copyOf(failures);
    previews = List.copyOf(previews);
  }
}
