package dev.apisync.activities.mapping;

import dev.apisync.activities.heartbeats.Heartbeats;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.activities.source.SourceException;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.MappingActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.function.Function;

/** The mapping activity: a config's lines applied to a page of records. */
public class MappingActivitiesImpl implements MappingActivities {

  private final Function<RecordReader, RecordMapper> mappers;
  private final RecordReader reader;
  private final RecordMapper mapper;

  /**
   * @param mappers builds the mapper that reads a run's records with a reader (the live one, or one
   *     that also sees an event batch's deleted records)
   */
  public MappingActivitiesImpl(RecordReader reader, Function<RecordReader, RecordMapper> mappers) {
    this.mappers = mappers;
    this.reader = reader;
    this.mapper = mappers.apply(reader);
  }

  @Override
  public MappedPage mapRecords(ConfigSnapshot config, List<Long> recordIds) {
    return Heartbeats.during(() -> map(mapper, config, recordIds));
  }

  @Override
  public MappedPage mapEventRecords(
      ConfigSnapshot config, List<Long> recordIds, String eventBatch) {
    return Heartbeats.during(
        () ->
            map(
                mappers.apply(reader.includingDeletedIn(config.model(), eventBatch)),
                config,
                recordIds));
  }

  private static MappedPage map(RecordMapper mapper, ConfigSnapshot config, List<Long> recordIds) {
    try {
      return mapper.map(config, recordIds);
    } catch (SourceException | InvalidMappingConfigException e) {
      // The lines name fields the source does not have, or mapping configs that do not fit them:
      // no retry will fix that.
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.INVALID_CONFIG);
    }
  }
}
