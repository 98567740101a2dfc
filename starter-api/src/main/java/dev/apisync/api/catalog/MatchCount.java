package dev.apisync.api.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** How many records a domain selects now. */
@Schema(name = "MatchCount")
public record MatchCount(
    long count,
    @Schema(description = "Up to 5 of the matching ids, smallest first") List<Long> firstIds) {}
