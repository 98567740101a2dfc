package dev.apisync.workflows;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way apisync masks secrets in a URL it shows or logs (request log, log lines, previews,
 * run summaries, the config API): the userinfo ({@code https://user:pass@host}) and the values of
 * secret-looking query parameters ({@code ?api_key=}, {@code &sig=}) become {@link #MASK}.
 * Everything else stays exactly as written, so a URL with {@code {placeholders}} (not a valid URI)
 * is redacted too. Pure string work: it lives here so that workflow code (deterministic, no I/O)
 * can use it as well as the activities and the API.
 */
public final class UrlRedaction {

  public static final String MASK = "***";

  /** Query parameter names that carry a credential by convention, compared ignoring case. */
  private static final Set<String> SECRET_NAMES =
      Set.of(
          "key",
          "token",
          "api_key",
          "apikey",
          "api-key",
          "access_token",
          "sig",
          "signature",
          "password",
          "passwd",
          "pwd",
          "secret",
          "auth");

  /**
   * Longer names that contain a credential word: {@code client_secret}, {@code X-Amz-Signature}.
   */
  private static final Pattern SECRET_LOOKING_NAME =
      Pattern.compile("(?i).*(token|secret|passw|api[-_]?key|signature|credential|session).*");

  /** scheme "://" [userinfo "@"] rest. */
  private static final Pattern USERINFO =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*@)");

  private UrlRedaction() {}

  /** The URL with its userinfo and secret-looking query values masked; unchanged when none. */
  public static String redact(String url) {
    String redacted = redactUserinfo(url);
    int query = redacted.indexOf('?');
    if (query < 0) {
      return redacted;
    }
    int fragment = redacted.indexOf('#', query);
    String end = fragment < 0 ? "" : redacted.substring(fragment);
    String params = redacted.substring(query + 1, fragment < 0 ? redacted.length() : fragment);
    StringBuilder out = new StringBuilder(redacted.substring(0, query + 1));
    String[] pairs = params.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        out.append('&');
      }
      String pair = pairs[i];
      int equals = pair.indexOf('=');
      if (equals >= 0 && isSecretName(decode(pair.substring(0, equals)))) {
        out.append(pair, 0, equals + 1).append(MASK);
      } else {
        out.append(pair);
      }
    }
    return out.append(end).toString();
  }

  /** Whether a query parameter (or header) name looks like it carries a credential. */
  public static boolean isSecretName(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return SECRET_NAMES.contains(lower) || SECRET_LOOKING_NAME.matcher(lower).matches();
  }

  private static String redactUserinfo(String url) {
    Matcher matcher = USERINFO.matcher(url);
    return matcher.find() ? matcher.group(1) + MASK + "@" + url.substring(matcher.end()) : url;
  }

  private static String decode(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name; // a malformed escape: judge the name as written
    }
  }
}
