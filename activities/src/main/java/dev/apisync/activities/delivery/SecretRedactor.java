package dev.apisync.activities.delivery;

import dev.apisync.activities.config.Auth;
import dev.apisync.activities.config.Header;
import dev.apisync.activities.config.TargetCredentials;
import dev.apisync.workflows.UrlRedaction;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import okhttp3.Headers;

/**
 * Masks secrets before a request leaves the activity as a preview, a log line or a request-log row
 * (SPEC §2: secrets are never written to logs and never enter Temporal history).
 *
 * <p>It errs on the side of masking: besides the auth header and the headers that carry credentials
 * by definition, it masks headers whose names look like they carry one ({@code X-Shop-Token},
 * {@code X-Api-Key}), the config's headers marked secret, and any header whose value contains the
 * config's password, token, key or secret header value. URLs are masked by {@link
 * dev.apisync.workflows.UrlRedaction}.
 */
public final class SecretRedactor {

  public static final String MASK = "***";

  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  /** Shorter secrets would mask harmless values that merely contain those characters. */
  private static final int MIN_SECRET_LENGTH = 4;

  private SecretRedactor() {}

  /** A copy of the headers, in order, with every secret value replaced by {@link #MASK}. */
  public static Headers redactHeaders(Headers headers, TargetCredentials credentials) {
    List<String> secrets = secretValues(credentials);
    Headers.Builder redacted = new Headers.Builder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      boolean secret =
          isSecretName(name, credentials) || secrets.stream().anyMatch(value::contains);
      redacted.add(name, secret ? MASK : value);
    }
    return redacted.build();
  }

  /**
   * The headers as a map, secrets masked as in {@link #redactHeaders}; a repeated name's values
   * (case-insensitive) are joined with {@code ", "}, as HTTP allows.
   */
  public static Map<String, String> redactedMap(Headers headers, TargetCredentials credentials) {
    Headers redacted = redactHeaders(headers, credentials);
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < redacted.size(); i++) {
      map.merge(redacted.name(i), redacted.value(i), (a, b) -> a + ", " + b);
    }
    return map;
  }

  private static boolean isSecretName(String name, TargetCredentials credentials) {
    return CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))
        || name.equalsIgnoreCase(credentials.auth().headerName())
        || credentials.headers().stream()
            .anyMatch(header -> header.secret() && header.key().equalsIgnoreCase(name))
        || UrlRedaction.isSecretName(name);
  }

  private static List<String> secretValues(TargetCredentials credentials) {
    Auth auth = credentials.auth();
    Stream<String> headerSecrets =
        credentials.headers().stream().filter(Header::secret).map(Header::value);
    return Stream.concat(Stream.of(auth.secret()), headerSecrets)
        .filter(s -> s.length() >= MIN_SECRET_LENGTH)
        .toList();
  }
}
