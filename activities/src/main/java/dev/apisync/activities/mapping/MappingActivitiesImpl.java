package dev.apisync.activities.mapping;

import dev.apisync.activities.source.SourceException;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.MappingActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;

/** The mapping activity: a config's lines applied to a page of records. */
public class MappingActivitiesImpl implements MappingActivities {

  private final RecordMapper mapper;

  public MappingActivitiesImpl(RecordMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public MappedPage mapRecords(ConfigSnapshot config, List<Long> recordIds) {
    try {
      return mapper.map(config, recordIds);
    } catch (SourceException | InvalidMappingConfigException e) {
      // The lines name fields the source does not have, or mapping configs that do not fit them:
      // no retry will fix that.
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.INVALID_CONFIG);
    }
  }
}
