package dev.apisync.activities.delivery;

import dev.apisync.activities.requestlog.LoggedText;
import java.io.IOException;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * What a target answered, read once and kept small: the status, its reason phrase, the headers and
 * the start of the body. {@link StatusClass} says what that means for the records.
 *
 * @param reasonPhrase as the target sent it; empty when the protocol has none (HTTP/2)
 * @param body the start of the body as the request log keeps it ({@code
 *     apisync.logs.response-bytes}), decoded as UTF-8, marked when cut
 */
public record ResponseOutcome(int status, String reasonPhrase, Headers headers, String body) {

  /**
   * Reasons end up in workflow results; 300 characters say what went wrong without bloating them.
   */
  static final int REASON_EXCERPT_CHARS = 300;

  /** RFC 9110's phrases, for answers without one (HTTP/2 has none). */
  private static final Map<Integer, String> STANDARD_PHRASES =
      Map.ofEntries(
          Map.entry(300, "Multiple Choices"),
          Map.entry(301, "Moved Permanently"),
          Map.entry(302, "Found"),
          Map.entry(303, "See Other"),
          Map.entry(304, "Not Modified"),
          Map.entry(307, "Temporary Redirect"),
          Map.entry(308, "Permanent Redirect"),
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(402, "Payment Required"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(406, "Not Acceptable"),
          Map.entry(407, "Proxy Authentication Required"),
          Map.entry(408, "Request Timeout"),
          Map.entry(409, "Conflict"),
          Map.entry(410, "Gone"),
          Map.entry(411, "Length Required"),
          Map.entry(412, "Precondition Failed"),
          Map.entry(413, "Content Too Large"),
          Map.entry(414, "URI Too Long"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(422, "Unprocessable Content"),
          Map.entry(425, "Too Early"),
          Map.entry(428, "Precondition Required"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"),
          Map.entry(505, "HTTP Version Not Supported"));

  /**
   * Reads the status line, headers and the start of the body.
   *
   * @throws IOException when the connection breaks while the body is read
   */
  static ResponseOutcome read(Response response, int maxBodyBytes) throws IOException {
    // One byte more than is kept tells whether the body was longer.
    byte[] start = response.peekBody(maxBodyBytes + 1L).bytes();
    return new ResponseOutcome(
        response.code(),
        response.message(),
        response.headers(),
        LoggedText.ofStart(start, maxBodyBytes));
  }

  public StatusClass statusClass() {
    return StatusClass.of(status);
  }

  /** The {@code Location} header, empty when absent. */
  public String location() {
    String location = headers.get("Location");
    return location == null ? "" : location;
  }

  /** The {@code Retry-After} header as sent, empty when absent. */
  public String retryAfter() {
    String retryAfter = headers.get("Retry-After");
    return retryAfter == null ? "" : retryAfter;
  }

  /** {@code HTTP 400 Bad Request: <first 300 characters of the body>}, with a redirect's target. */
  public String failureReason() {
    StringBuilder reason = new StringBuilder("HTTP ").append(status);
    String phrase =
        reasonPhrase.isBlank() ? STANDARD_PHRASES.getOrDefault(status, "") : reasonPhrase;
    if (!phrase.isEmpty()) {
      reason.append(' ').append(phrase.strip());
    }
    if (!location().isEmpty()) {
      // Redirects are not followed (see TargetClients): say where the target wants requests to go.
      reason.append(" (Location: ").append(location()).append(')');
    }
    String excerpt = excerpt(body.strip());
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
