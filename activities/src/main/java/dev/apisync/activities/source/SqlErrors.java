package dev.apisync.activities.source;

import java.sql.SQLException;

/** Sorts database errors into the config's fault (non-retryable) and the database's (retryable). */
final class SqlErrors {

  private SqlErrors() {}

  /**
   * SQLSTATE class 22 (data exception, e.g. {@code 'abc'} cast to integer) and 42 (e.g. no operator
   * for these types) come from values the domain supplied; anything else is the database's trouble.
   */
  static RuntimeException translate(String doing, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("22") || state.startsWith("42")) {
      return new SourceException(doing + " failed: " + e.getMessage());
    }
    return new SourceUnavailableException(doing + " failed: " + e.getMessage(), e);
  }
}
