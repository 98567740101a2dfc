package dev.apisync.workflows;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Turns source records into the JSON objects a target receives. */
@ActivityInterface
public interface MappingActivities {

  MappedPage mapRecords(ConfigSnapshot config, List<Long> recordIds);
}
