package dev.apisync.api.access;

import java.util.Optional;

/** Finds the caller a bearer token belongs to: the bootstrap admin, or a stored token. */
public class TokenAuthenticator {

  /** Longer than any token apisync issues or accepts as bootstrap: not worth hashing. */
  private static final int MAX_TOKEN_LENGTH = 512;

  private final BootstrapAdminToken bootstrap;
  private final ApiTokenStore store;

  public TokenAuthenticator(BootstrapAdminToken bootstrap, ApiTokenStore store) {
    this.bootstrap = bootstrap;
    this.store = store;
  }

  public Optional<ApiCaller> authenticate(String token) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    if (bootstrap.matches(token)) {
      return Optional.of(new ApiCaller("bootstrap admin", Role.ADMIN));
    }
    return store.findByToken(token).map(stored -> new ApiCaller(stored.name(), stored.role()));
  }
}
