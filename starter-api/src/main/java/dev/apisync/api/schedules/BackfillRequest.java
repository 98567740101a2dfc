package dev.apisync.api.schedules;

import dev.apisync.activities.config.FieldError;
import dev.apisync.api.InvalidParameterException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /api/configs/{id}/schedule/backfill}: an interval of past schedule times. */
public record BackfillRequest(Instant from, Instant to) {

  void check() {
    List<FieldError> errors = new ArrayList<>();
    if (from == null) {
      errors.add(
          new FieldError("from", "required: an ISO-8601 instant, e.g. 2026-11-29T10:00:00Z"));
    }
    if (to == null) {
      errors.add(new FieldError("to", "required: an ISO-8601 instant, e.g. 2026-11-29T12:00:00Z"));
    }
    if (from != null && to != null && !from.isBefore(to)) {
      errors.add(new FieldError("to", "must be after from"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidParameterException(errors);
    }
  }
}
