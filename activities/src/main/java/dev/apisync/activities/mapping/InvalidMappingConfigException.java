package dev.apisync.activities.mapping;

/**
 * The config's lines cannot be applied to any record: a relational line names a mapping config that
 * is gone or maps another model. No retry fixes it; the message is for the user.
 */
public class InvalidMappingConfigException extends RuntimeException {

  public InvalidMappingConfigException(String message) {
    super(message);
  }
}
