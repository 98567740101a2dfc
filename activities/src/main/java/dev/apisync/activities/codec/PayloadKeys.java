package dev.apisync.activities.codec;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that encrypt Temporal payloads, each with an id. The first key encrypts; every
 * key decrypts, so a new key is rotated in by putting it first and keeping the old ones until the
 * histories they wrote have passed Temporal's retention.
 */
public final class PayloadKeys {

  /**
   * A fixed key for development and tests only ({@code dev} profile). It is public: history written
   * with it is not protected.
   */
  public static final String DEVELOPMENT = "dev:YXBpc3luYy1kZXYtaGlzdG9yeS1rZXktMzItYnl0ZXM=";

  private static final int KEY_BYTES = 32;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String currentId;
  private final Map<String, SecretKey> keys;

  private PayloadKeys(String currentId, Map<String, SecretKey> keys) {
    this.currentId = currentId;
    this.keys = keys;
  }

  /**
   * @param entries {@code id:base64key}, the current (encrypting) key first; each key 32 random
   *     bytes, base64-encoded ({@code openssl rand -base64 32})
   * @throws IllegalArgumentException naming the entry and what is wrong (never the key itself)
   */
  public static PayloadKeys parse(List<String> entries) {
    if (entries == null || entries.stream().allMatch(entry -> entry == null || entry.isBlank())) {
      throw new IllegalArgumentException(
          "no payload keys: give at least one id:key, the key 32 random bytes, base64-encoded"
              + " (e.g. `echo \"k1:$(openssl rand -base64 32)\"`)");
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (String entry : entries) {
      if (entry == null || entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      String id = colon < 0 ? "" : entry.substring(0, colon).trim();
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "a payload key must be written id:key, the id 1-64 letters, digits, '.', '_' or '-';"
                + " entry "
                + (keys.size() + 1)
                + " has "
                + (colon < 0 ? "no id" : "the id '" + id + "'"));
      }
      if (keys.containsKey(id)) {
        throw new IllegalArgumentException("the payload key id '" + id + "' is given twice");
      }
      keys.put(id, new SecretKeySpec(decode(id, entry.substring(colon + 1).trim()), "AES"));
    }
    return new PayloadKeys(keys.keySet().iterator().next(), Map.copyOf(keys));
  }

  private static byte[] decode(String id, String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the payload key '" + id + "' is not valid base64");
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "the payload key '"
              + id
              + "' must be "
              + KEY_BYTES
              + " bytes (AES-256), base64-encoded; it decodes to "
              + key.length
              + " bytes (generate one with `openssl rand -base64 32`)");
    }
    return key;
  }

  /** The id of the key that encrypts. */
  public String currentId() {
    return currentId;
  }

  SecretKey current() {
    return keys.get(currentId);
  }

  Optional<SecretKey> find(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  @Override
  public String toString() {
    return "PayloadKeys[current=" + currentId + ", ids=" + keys.keySet() + "]";
  }
}
