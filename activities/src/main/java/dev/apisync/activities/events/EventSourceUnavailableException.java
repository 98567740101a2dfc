package dev.apisync.activities.events;

import java.sql.SQLException;

/** The source database failed to answer while apisync managed or read its record events. */
public class EventSourceUnavailableException extends RuntimeException {

  public EventSourceUnavailableException(String doing, SQLException cause) {
    super(doing + " failed: " + cause.getMessage(), cause);
  }
}
