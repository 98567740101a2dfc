package dev.apisync.activities.config;

import java.util.ArrayList;
import java.util.List;

/** The broken rules a validation found so far, each naming its field, in the order found. */
final class ConfigErrors {

  private final List<FieldError> errors = new ArrayList<>();

  void add(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  void range(String field, long value, long min, long max, String unit) {
    if (value < min || value > max) {
      add(field, "must be between " + min + " and " + max + unit + " (got " + value + ")");
    }
  }

  void noLineBreaks(String field, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      add(field, "may not contain line breaks");
    }
  }

  List<FieldError> list() {
    return List.copyOf(errors);
  }
}
