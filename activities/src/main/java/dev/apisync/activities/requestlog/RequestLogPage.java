package dev.apisync.activities.requestlog;

import java.util.List;

/**
 * One page of request-log rows, newest first.
 *
 * @param nextBefore the {@code before} that reads the next (older) page; 0 when this is the last
 */
public record RequestLogPage(List<LoggedRequest> rows, long nextBefore) {

  public RequestLogPage {
    rows = List.copyOf(rows);
  }

  public boolean hasMore() {
    return nextBefore > 0;
  }
}
