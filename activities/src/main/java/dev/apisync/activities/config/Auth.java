package dev.apisync.activities.config;

import java.util.Locale;
import java.util.Optional;

/**
 * How requests to a target authenticate (SPEC §2), parsed from the API's {@code auth} object by
 * {@link ConfigDraft.RawAuth#parse}. Secrets are write-only: an empty one in an edit means "keep
 * the stored one" (see {@link #keepingSecretOf}), and one read without decryption is empty too. No
 * {@code toString} prints a secret.
 */
public sealed interface Auth {

  Auth NONE = new None();

  /** The API's name of the type: {@code none}, {@code basic}, {@code bearer}, {@code apiKey}. */
  String typeName();

  /** The secret the type uses (password, token or key value); empty for none. */
  default String secret() {
    return "";
  }

  /** The header an apiKey goes in; empty for the other types. */
  default String headerName() {
    return "";
  }

  /** This auth with {@code secret} as its secret; none has none. */
  Auth withSecret(String secret);

  /**
   * The type {@code text} names, case-insensitively ({@code API_KEY} and {@code api_key} also
   * pass), with these fields; the fields the type does not use are dropped. Null or blank is none.
   */
  static Optional<Auth> parse(
      String text, String login, String password, String token, String headerName, String value) {
    String type =
        text == null || text.isBlank()
            ? "none"
            : text.trim().replace("_", "").toLowerCase(Locale.ROOT);
    return switch (type) {
      case "none" -> Optional.of(NONE);
      case "basic" -> Optional.of(new Basic(login, password));
      case "bearer" -> Optional.of(new Bearer(token));
      case "apikey" -> Optional.of(new ApiKey(headerName, value));
      default -> Optional.empty();
    };
  }

  /**
   * Secrets are write-only: the API never returns them, so a client that reads a config and sends
   * it back omits them. When this auth has the same type as {@code stored} (and, for apiKey, the
   * same header name) and no secret, the result carries the stored secret; otherwise it is this
   * auth unchanged. The caller checks that the origin is unchanged.
   */
  default Auth keepingSecretOf(Auth stored) {
    boolean sameTarget =
        typeName().equals(stored.typeName()) && headerName().equalsIgnoreCase(stored.headerName());
    return secret().isEmpty() && sameTarget ? withSecret(stored.secret()) : this;
  }

  /** No authentication. */
  record None() implements Auth {
    @Override
    public String typeName() {
      return "none";
    }

    @Override
    public Auth withSecret(String secret) {
      return this;
    }
  }

  /** HTTP basic auth. */
  record Basic(String login, String password) implements Auth {
    public Basic {
      login = login == null ? "" : login;
      password = password == null ? "" : password;
    }

    @Override
    public String typeName() {
      return "basic";
    }

    @Override
    public String secret() {
      return password;
    }

    @Override
    public Auth withSecret(String secret) {
      return new Basic(login, secret);
    }

    @Override
    public String toString() {
      return "Basic[login=" + login + ", password=" + mask(password) + "]";
    }
  }

  /** A bearer token in {@code Authorization}. */
  record Bearer(String token) implements Auth {
    public Bearer {
      token = token == null ? "" : token;
    }

    @Override
    public String typeName() {
      return "bearer";
    }

    @Override
    public String secret() {
      return token;
    }

    @Override
    public Auth withSecret(String secret) {
      return new Bearer(secret);
    }

    @Override
    public String toString() {
      return "Bearer[token=" + mask(token) + "]";
    }
  }

  /** A key sent as the value of the header {@code headerName}. */
  record ApiKey(String headerName, String value) implements Auth {
    public ApiKey {
      headerName = headerName == null ? "" : headerName.trim();
      value = value == null ? "" : value;
    }

    @Override
    public String typeName() {
      return "apiKey";
    }

    @Override
    public String secret() {
      return value;
    }

    @Override
    public Auth withSecret(String secret) {
      return new ApiKey(headerName, secret);
    }

    @Override
    public String toString() {
      return "ApiKey[headerName=" + headerName + ", value=" + mask(value) + "]";
    }
  }

  private static String mask(String secret) {
    return secret.isEmpty() ? "none" : "***";
  }
}
