package dev.apisync.workflows;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

  /** scheme "://" userinfo "@": group 1 up to the userinfo, group 2 the userinfo and its "@". */
  private static final Pattern USERINFO =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*@)");

  private UrlRedaction() {}

  /** The URL with its userinfo and secret-looking query values masked; unchanged when none. */
  public static String redact(String url) {
    Matcher user = USERINFO.matcher(url);
    String redacted = user.find() ? user.group(1) + MASK + "@" + url.substring(user.end()) : url;
    return mapQuery(
        redacted,
        pair -> pair.value().isPresent() && isSecretName(pair.name()) ? pair.with(MASK) : pair);
  }

  /**
   * A URL as a client sends back what it read: where {@code shown} has a masked userinfo or query
   * value, the value {@code original} (the stored URL) has there takes its place. A mask without a
   * counterpart stays, for {@link #containsMask} to find.
   */
  public static String restore(String shown, String original) {
    Matcher shownUser = USERINFO.matcher(shown);
    Matcher originalUser = USERINFO.matcher(original);
    String restored = shown;
    if (shownUser.find() && shownUser.group(2).equals(MASK + "@") && originalUser.find()) {
      restored = shownUser.group(1) + originalUser.group(2) + shown.substring(shownUser.end());
    }
    return mapQuery(
        restored,
        pair ->
            pair.value().filter(MASK::equals).isPresent()
                ? queryValue(original, pair.rawName()).map(pair::with).orElse(pair)
                : pair);
  }

  /** Whether the URL still holds a masked userinfo or secret-looking query value. */
  public static boolean containsMask(String url) {
    Matcher user = USERINFO.matcher(url);
    if (user.find() && user.group(2).equals(MASK + "@")) {
      return true;
    }
    return queryPairs(url).stream()
        .anyMatch(
            pair -> pair.value().filter(MASK::equals).isPresent() && isSecretName(pair.name()));
  }

  /** Whether a query parameter (or header) name looks like it carries a credential. */
  public static boolean isSecretName(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return SECRET_NAMES.contains(lower) || SECRET_LOOKING_NAME.matcher(lower).matches();
  }

  /** The raw value of the first query parameter whose raw name is {@code rawName}. */
  private static Optional<String> queryValue(String url, String rawName) {
    return queryPairs(url).stream()
        .filter(pair -> pair.rawName().equals(rawName))
        .findFirst()
        .flatMap(QueryPair::value);
  }

  private static List<QueryPair> queryPairs(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return List.of();
    }
    int fragment = url.indexOf('#', query);
    String text = url.substring(query + 1, fragment < 0 ? url.length() : fragment);
    return Arrays.stream(text.split("&", -1)).map(QueryPair::parse).toList();
  }

  /** The URL with each {@code name=value} pair of its query replaced as {@code edit} says. */
  private static String mapQuery(String url, UnaryOperator<QueryPair> edit) {
    int query = url.indexOf('?');
    if (query < 0) {
      return url;
    }
    int fragment = url.indexOf('#', query);
    String edited =
        queryPairs(url).stream()
            .map(pair -> edit.apply(pair).text())
            .collect(Collectors.joining("&"));
    return url.substring(0, query + 1) + edited + (fragment < 0 ? "" : url.substring(fragment));
  }

  /** One {@code name=value} (or bare {@code name}) of a query, raw as written. */
  private record QueryPair(String rawName, Optional<String> value) {

    static QueryPair parse(String text) {
      int equals = text.indexOf('=');
      return equals < 0
          ? new QueryPair(text, Optional.empty())
          : new QueryPair(text.substring(0, equals), Optional.of(text.substring(equals + 1)));
    }

    String name() {
      try {
        return URLDecoder.decode(rawName, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return rawName; // a malformed escape: judge the name as written
      }
    }

    QueryPair with(String newValue) {
      return new QueryPair(rawName, Optional.of(newValue));
    }

    String text() {
      return value.map(v -> rawName + "=" + v).orElse(rawName);
    }
  }
}
