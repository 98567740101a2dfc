package dev.apisync.workflows;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Turns source records into the JSON objects a target receives. */
@ActivityInterface
public interface MappingActivities {

  MappedPage mapRecords(ConfigSnapshot config, List<Long> recordIds);

  /**
   * As {@link #mapRecords}, for a run of record events: a record the batch deleted is mapped from
   * its last values, kept in the source's event outbox, instead of the table.
   */
  MappedPage mapEventRecords(ConfigSnapshot config, List<Long> recordIds, String eventBatch);
}
