package dev.apisync.activities.delivery;

import dev.apisync.activities.config.AuthSettings;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.Credentials;

/** The one header a config's auth adds to every request (SPEC §2). */
record AuthHeader(String name, String value) {

  static final String AUTHORIZATION = "Authorization";
  private static final String BEARER_PREFIX = "Bearer ";

  /** Empty for {@code none}. */
  static Optional<AuthHeader> of(AuthSettings auth) {
    return switch (auth.type()) {
      case NONE -> Optional.empty();
      case BASIC ->
          Optional.of(
              new AuthHeader(
                  AUTHORIZATION,
                  Credentials.basic(auth.login(), auth.password(), StandardCharsets.UTF_8)));
      case BEARER -> Optional.of(new AuthHeader(AUTHORIZATION, bearer(auth.token())));
      case API_KEY -> Optional.of(new AuthHeader(auth.headerName(), auth.value()));
    };
  }

  /** Users often paste the whole header value; sending "Bearer Bearer x" would fail every call. */
  private static String bearer(String token) {
    return token.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())
        ? token
        : BEARER_PREFIX + token;
  }

  boolean hasName(String headerName) {
    return name.equalsIgnoreCase(headerName);
  }

  @Override
  public String toString() {
    return "AuthHeader[name=" + name + "]";
  }
}
