package dev.apisync.activities.slices;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Which failures of a database call mean the database is unreachable, not that the call is bad: no
 * connection, a connection lost, a transaction that could not begin, commit or roll back.
 */
final class StoreOutages {

  private StoreOutages() {}

  static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof TransactionException
          || cause instanceof TransientDataAccessException
          || cause instanceof RecoverableDataAccessException
          || cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || isConnectionState(cause)) {
        return true;
      }
    }
    return false;
  }

  /** SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server shutting down). */
  private static boolean isConnectionState(Throwable cause) {
    if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || state.startsWith("57P");
    }
    return false;
  }
}
