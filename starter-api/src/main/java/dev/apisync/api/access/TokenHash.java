package dev.apisync.api.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API tokens and how they are kept. A token is 32 bytes from {@link SecureRandom}: with 256 bits of
 * entropy there is nothing to guess, so an unsalted SHA-256 (unlike for passwords) keeps a leaked
 * table useless, and lets a request find its token with one indexed lookup.
 */
final class TokenHash {

  /** Marks apisync tokens, so a leaked one is recognisable (e.g. by secret scanners). */
  static final String PREFIX = "apisync_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenHash() {}

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
