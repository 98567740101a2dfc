package dev.apisync.workflows;

import java.util.List;
import java.util.Map;

/**
 * A request a dry run would have sent. Secret header values are shown as {@code ***}.
 *
 * @param body the JSON body, empty for a request without one
 */
public record RequestPreview(
    List<Long> recordIds, String method, String url, Map<String, String> headers, String body) {

  public RequestPreview {
    recordIds = List.copyOf(recordIds);
    headers = Map.copyOf(headers);
  }
}
