package dev.apisync.activities.mapping;

/** A record cannot be mapped as the config says; the message is for the user. */
public class MappingException extends RuntimeException {

  public MappingException(String message) {
    super(message);
  }
}
