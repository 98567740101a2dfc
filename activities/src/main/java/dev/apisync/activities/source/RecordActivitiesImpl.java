package dev.apisync.activities.source;

import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.PageQuery;
import dev.apisync.workflows.RecordActivities;
import dev.apisync.workflows.RecordPage;
import io.temporal.failure.ApplicationFailure;

/** The record-selection activity over the source database. */
public class RecordActivitiesImpl implements RecordActivities {

  private final RecordSource source;

  public RecordActivitiesImpl(RecordSource source) {
    this.source = source;
  }

  @Override
  public RecordPage fetchPage(PageQuery query) {
    try {
      return source.fetchPage(query);
    } catch (SourceException e) {
      // A domain or model the source refuses stays refused on retry.
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.INVALID_CONFIG);
    }
  }
}
