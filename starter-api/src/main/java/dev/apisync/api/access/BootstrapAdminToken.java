package dev.apisync.api.access;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * The admin token from configuration ({@code APISYNC_ADMIN_TOKEN}), or the one generated under the
 * profile {@code dev}: the way in before any token is stored. It lives in memory only.
 */
public final class BootstrapAdminToken {

  /** Short tokens could be guessed; 32 characters is what {@code openssl rand -hex 16} gives. */
  static final int MIN_LENGTH = 32;

  private final String token;

  private BootstrapAdminToken(String token) {
    this.token = token;
  }

  static BootstrapAdminToken of(String token) {
    if (token.length() < MIN_LENGTH) {
      throw new IllegalStateException(
          "apisync.security.admin-token (APISYNC_ADMIN_TOKEN) is shorter than "
              + MIN_LENGTH
              + " characters; use e.g. the output of `openssl rand -hex 32`");
    }
    return new BootstrapAdminToken(token);
  }

  static BootstrapAdminToken generated() {
    return new BootstrapAdminToken(TokenHash.newToken());
  }

  static BootstrapAdminToken none() {
    return new BootstrapAdminToken("");
  }

  /** The token, for the dev stack's banner and its own calls; empty when there is none. */
  public Optional<String> value() {
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** Compares in constant time, so response timing tells nothing about the token. */
  boolean matches(String presented) {
    return !token.isEmpty()
        && MessageDigest.isEqual(TokenHash.sha256(token), TokenHash.sha256(presented));
  }
}
