package dev.apisync.activities.delivery;

import dev.apisync.workflows.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Exactly what will go on the wire for one delivery, secrets included; never log it as is (see
 * {@link SecretRedactor}).
 *
 * @param body the JSON body, empty when the request carries none
 */
public record OutboundRequest(
    List<Long> recordIds, HttpMethod method, HttpUrl url, Headers headers, String body) {

  public OutboundRequest {
    recordIds = List.copyOf(recordIds);
  }

  public boolean hasBody() {
    return !body.isEmpty();
  }

  /** The OkHttp request to execute. */
  public Request toHttpRequest() {
    return new Request.Builder()
        .url(url)
        .headers(headers)
        .method(method.name(), hasBody() ? bodyWithoutMediaType() : null)
        .build();
  }

  /**
   * Content-Type is already among {@link #headers} (a custom header may have chosen it); a body
   * with a media type would make OkHttp overwrite it.
   */
  private RequestBody bodyWithoutMediaType() {
    return RequestBody.create(body.getBytes(StandardCharsets.UTF_8), (MediaType) null);
  }
}
