package dev.apisync.activities.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The {@code Idempotency-Key} of a request (SPEC §7): the same config, records and payload give the
 * same key on every retry, so a receiver that honours it applies a request once even when our first
 * attempt timed out after it arrived.
 */
final class IdempotencyKey {

  static final String HEADER = "Idempotency-Key";

  private IdempotencyKey() {}

  /**
   * Hex SHA-256 over config id, record ids, method, URL and body. Method and URL are in because GET
   * (and DELETE with placeholders) carry their payload in the URL and have no body.
   */
  static String of(long configId, List<Long> recordIds, String method, HttpUrl url, String body) {
    String material =
        String.join("\n", Long.toString(configId), recordIds.toString(), method, url.toString())
            + "\n"
            + body;
    return HexFormat.of().formatHex(sha256().digest(material.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
