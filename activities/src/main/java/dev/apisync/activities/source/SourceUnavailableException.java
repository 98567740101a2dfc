package dev.apisync.activities.source;

/**
 * The source database failed to answer (connection lost, timeout, server error). Unlike {@link
 * SourceException} this is not the config's fault: retrying later may succeed.
 */
public class SourceUnavailableException extends RuntimeException {

  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
