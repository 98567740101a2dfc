package dev.apisync.api.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Webhook tokens ({@code sync_webhook}): 32 random bytes, handed out once and kept only as their
 * SHA-256. A fast hash is enough for a token of that entropy (there is no password to guess).
 */
@Component
class WebhookTokens {

  private static final int TOKEN_BYTES = 32;

  /** Compared against when a config has no webhook, so both cases take the same time. */
  private static final byte[] NO_TOKEN = new byte[32];

  private final JdbcClient jdbc;
  private final SecureRandom random = new SecureRandom();

  WebhookTokens(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** A fresh token for the config, replacing (revoking) any earlier one. */
  String issue(long configId) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql(
            "INSERT INTO sync_webhook (config_id, token_sha256) VALUES (?, ?)"
                + " ON CONFLICT (config_id) DO UPDATE SET token_sha256 = EXCLUDED.token_sha256,"
                + " created_at = now()")
        .params(configId, sha256(token))
        .update();
    return token;
  }

  /** Whether the config had a webhook. */
  boolean revoke(long configId) {
    return jdbc.sql("DELETE FROM sync_webhook WHERE config_id = ?").param(configId).update() > 0;
  }

  /** In constant time (over the hashes): whether {@code token} is the config's webhook token. */
  boolean matches(long configId, String token) {
    Optional<byte[]> stored =
        jdbc.sql("SELECT token_sha256 FROM sync_webhook WHERE config_id = ?")
            .param(configId)
            .query(byte[].class)
            .optional();
    boolean equal =
        MessageDigest.isEqual(stored.orElse(NO_TOKEN), sha256(token == null ? "" : token));
    return stored.isPresent() && equal;
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
