package dev.apisync.activities.config;

/**
 * One broken rule of a sync config.
 *
 * @param field the offending field as a path into the API's JSON body, e.g. {@code
 *     lines[1].isIdentifier}, {@code auth.password}, {@code retry.maxAttempts}
 * @param message what is wrong, for the user
 */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
