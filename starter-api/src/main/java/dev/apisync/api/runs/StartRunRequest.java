package dev.apisync.api.runs;

import dev.apisync.activities.config.FieldError;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/configs/{id}/runs}; both fields optional.
 *
 * @param recordIds only these records (still filtered by the config's domain); absent: all
 * @param dryRun build the requests, send nothing
 */
public record StartRunRequest(
    @ArraySchema(
            maxItems = StartRunRequest.MAX_RECORD_IDS,
            schema = @Schema(description = "A record id of the config's model"))
        List<Long> recordIds,
    Boolean dryRun) {

  /** A run's input is in its workflow history: ids beyond this belong in the config's domain. */
  public static final int MAX_RECORD_IDS = 10_000;

  public List<Long> recordIdsOrAll() {
    return recordIds == null ? List.of() : recordIds;
  }

  public boolean isDryRun() {
    return Boolean.TRUE.equals(dryRun);
  }

  List<FieldError> errors() {
    List<FieldError> errors = new ArrayList<>();
    if (recordIds != null && recordIds.size() > MAX_RECORD_IDS) {
      errors.add(
          new FieldError(
              "recordIds",
              "at most "
                  + MAX_RECORD_IDS
                  + " record ids (got "
                  + recordIds.size()
                  + "); select more records with the config's domain"));
    } else if (recordIds != null && recordIds.contains(null)) {
      errors.add(
          new FieldError(
              "recordIds[" + recordIds.indexOf(null) + "]", "expected a record id, not null"));
    }
    return errors;
  }
}
