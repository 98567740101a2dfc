package dev.apisync.api.triggers;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.apisync.activities.config.FieldError;
import dev.apisync.activities.events.TriggerSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The body of {@code PUT /api/configs/{id}/triggers}; omitted flags are false. */
@Schema(name = "TriggerRequest", description = "Which record changes start runs of the config")
public record TriggerRequest(
    @Schema(description = "A run when a record is created") Boolean onCreate,
    @Schema(description = "A run when a record is updated (see watchFields)") Boolean onUpdate,
    @Schema(description = "A run with the record's last values when it is deleted")
        Boolean onDelete,
    @Schema(description = "Fields whose change counts as an update; empty for any change")
        List<String> watchFields,
    @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

  TriggerSettings toSettings() {
    return new TriggerSettings(
        Boolean.TRUE.equals(onCreate),
        Boolean.TRUE.equals(onUpdate),
        Boolean.TRUE.equals(onDelete),
        watchFields == null
            ? List.of()
            : watchFields.stream().map(f -> f == null ? "" : f).toList());
  }

  /** Unknown fields are errors, not silently lost typos. */
  List<FieldError> shapeErrors() {
    List<FieldError> errors = new ArrayList<>();
    if (unknownFields != null) {
      unknownFields.keySet().forEach(name -> errors.add(new FieldError(name, "unknown field")));
    }
    return errors;
  }
}
