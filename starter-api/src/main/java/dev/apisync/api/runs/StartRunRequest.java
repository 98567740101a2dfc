package dev.apisync.api.runs;

import java.util.List;

/**
 * The body of {@code POST /api/configs/{id}/runs}; both fields optional.
 *
 * @param recordIds only these records (still filtered by the config's domain); absent: all
 * @param dryRun build the requests, send nothing
 */
public record StartRunRequest(List<Long> recordIds, Boolean dryRun) {

  public List<Long> recordIdsOrAll() {
    return recordIds == null ? List.of() : recordIds;
  }

  public boolean isDryRun() {
    return Boolean.TRUE.equals(dryRun);
  }
}
