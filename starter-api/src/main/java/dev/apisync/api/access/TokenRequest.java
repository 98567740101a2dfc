package dev.apisync.api.access;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.apisync.activities.config.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/tokens}. */
@Schema(name = "ApiTokenRequest")
public record TokenRequest(
    @Schema(description = "What the token is for, 1–200 characters", example = "CI pipeline")
        String name,
    @Schema(allowableValues = {"viewer", "author", "operator", "admin"}) String role,
    @Schema(hidden = true) @JsonAnySetter Map<String, Object> unknownFields) {

  static final int MAX_NAME_LENGTH = 200;

  List<FieldError> errors() {
    List<FieldError> errors = new ArrayList<>();
    if (unknownFields != null) {
      unknownFields.keySet().forEach(name -> errors.add(new FieldError(name, "unknown field")));
    }
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      errors.add(new FieldError("name", "required"));
    } else if (trimmed.length() > MAX_NAME_LENGTH) {
      errors.add(new FieldError("name", "at most " + MAX_NAME_LENGTH + " characters"));
    } else if (trimmed.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError("name", "may not contain control characters"));
    }
    if (role == null || role.isEmpty()) {
      errors.add(new FieldError("role", "required: one of " + Role.NAMES));
    } else if (Role.parse(role).isEmpty()) {
      errors.add(new FieldError("role", "must be one of " + Role.NAMES));
    }
    return errors;
  }
}
