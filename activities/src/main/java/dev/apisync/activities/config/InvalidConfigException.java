package dev.apisync.activities.config;

import java.util.List;

/** A sync config breaks one or more rules and was not stored. */
public class InvalidConfigException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidConfigException(List<FieldError> errors) {
    super("invalid sync config: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
