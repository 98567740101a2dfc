package dev.apisync.activities.delivery;

import java.io.IOException;
import okhttp3.Response;

/**
 * What a target answered, read once and kept small: the status, its reason phrase, a redirect's
 * target and the start of the body. Deciding what that means for the records (sent, failed for
 * good, worth retrying) is the caller's job, so a status classifier can grow there (SPEC §7).
 *
 * @param reasonPhrase empty when the protocol has none (HTTP/2)
 * @param location the {@code Location} header, empty when absent
 * @param bodyStart at most {@link #BODY_CAPTURE_BYTES} of the body, decoded as UTF-8
 */
public record ResponseOutcome(int status, String reasonPhrase, String location, String bodyStart) {

  /** Enough for a reason excerpt and a request-log row, small enough never to matter in memory. */
  static final long BODY_CAPTURE_BYTES = 16 * 1024;

  /**
   * Reasons end up in workflow results; 300 characters say what went wrong without bloating them.
   */
  static final int REASON_EXCERPT_CHARS = 300;

  /**
   * Reads the status line, headers and the start of the body.
   *
   * @throws IOException when the connection breaks while the body is read
   */
  static ResponseOutcome read(Response response) throws IOException {
    String location = response.header("Location");
    return new ResponseOutcome(
        response.code(),
        response.message(),
        location == null ? "" : location,
        response.peekBody(BODY_CAPTURE_BYTES).string());
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** {@code HTTP 400 Bad Request: <first 300 characters of the body>}, with a redirect's target. */
  public String failureReason() {
    StringBuilder reason = new StringBuilder("HTTP ").append(status);
    if (!reasonPhrase.isBlank()) {
      reason.append(' ').append(reasonPhrase);
    }
    if (!location.isEmpty()) {
      // Redirects are not followed (see TargetClients): say where the target wants requests to go.
      reason.append(" (Location: ").append(location).append(')');
    }
    String excerpt = excerpt(bodyStart.strip());
    if (!excerpt.isEmpty()) {
      reason.append(": ").append(excerpt);
    }
    return reason.toString();
  }

  private static String excerpt(String body) {
    if (body.length() <= REASON_EXCERPT_CHARS) {
      return body;
    }
    int end = REASON_EXCERPT_CHARS;
    if (Character.isHighSurrogate(body.charAt(end - 1))) {
      end--;
    }
    return body.substring(0, end);
  }
}
