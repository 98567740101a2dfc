package dev.apisync.activities.config;

import java.util.List;

/**
 * A custom request header of a config (≙ {@code bj.api.sync.header}).
 *
 * @param secret the value is a credential: encrypted at rest like auth secrets, never returned by
 *     the API, masked in the request log; in an edit, an empty value keeps the stored one
 */
public record Header(String key, String value, boolean secret) {

  public Header {
    key = key == null ? "" : key;
    value = value == null ? "" : value;
  }

  /** A plain (not secret) header. */
  public Header(String key, String value) {
    this(key, value, false);
  }

  /** A header whose value is a credential. */
  public static Header secret(String key, String value) {
    return new Header(key, value, true);
  }

  /**
   * This header as an edit: a secret header without a value takes the value of the stored secret
   * header of the same name (ignoring case); the caller checks that the origin is unchanged.
   */
  public Header keepingSecretOf(List<Header> stored) {
    if (!secret || !value.isEmpty()) {
      return this;
    }
    return stored.stream()
        .filter(old -> old.secret() && old.key().equalsIgnoreCase(key.strip()))
        .findFirst()
        .map(old -> new Header(key, old.value(), true))
        .orElse(this);
  }

  /** Secret values never show up in log lines or exception messages. */
  @Override
  public String toString() {
    return "Header[" + key + "=" + (secret ? "***" : value) + "]";
  }
}
