package dev.apisync.activities.events;

/**
 * The source database refused to create or drop a trigger object, typically because the source role
 * lacks the right (SQLSTATE 42501); the message is PostgreSQL's reason. The API answers 409.
 */
public class TriggerRefusedException extends RuntimeException {

  public TriggerRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
