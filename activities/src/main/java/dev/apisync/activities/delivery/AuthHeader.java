package dev.apisync.activities.delivery;

import dev.apisync.activities.config.Auth;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.Credentials;

/** The one header a config's auth adds to every request (SPEC §2). */
record AuthHeader(String name, String value) {

  static final String AUTHORIZATION = "Authorization";
  private static final String BEARER_PREFIX = "Bearer ";

  /** Empty for {@code none}. */
  static Optional<AuthHeader> of(Auth auth) {
    return switch (auth) {
      case Auth.None none -> Optional.empty();
      case Auth.Basic basic ->
          Optional.of(
              new AuthHeader(
                  AUTHORIZATION,
                  Credentials.basic(basic.login(), basic.password(), StandardCharsets.UTF_8)));
      case Auth.Bearer bearer -> Optional.of(new AuthHeader(AUTHORIZATION, bearer(bearer.token())));
      case Auth.ApiKey key -> Optional.of(new AuthHeader(key.headerName(), key.value()));
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
