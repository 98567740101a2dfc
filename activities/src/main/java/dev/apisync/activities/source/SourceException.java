package dev.apisync.activities.source;

/**
 * The source database cannot answer as asked: an unknown model, field or path, or a malformed
 * domain. The message is for the user and names what is wrong.
 */
public class SourceException extends RuntimeException {

  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
