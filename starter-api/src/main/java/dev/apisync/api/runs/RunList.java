package dev.apisync.api.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of runs.
 *
 * @param nextPageToken pass as {@code pageToken} for the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunList(List<RunSummary> runs, String nextPageToken) {}
