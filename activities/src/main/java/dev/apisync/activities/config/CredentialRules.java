package dev.apisync.activities.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of a config's credentials: its auth and custom headers, and which secrets an edit may
 * leave out (the stored ones stay while the request URL's origin, and an API key's header, stay the
 * same).
 */
final class CredentialRules {

  /** RFC 9110 field-name: a token. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final ConfigDraft draft;
  private final SyncConfig config;
  private final Optional<SyncConfig> stored;
  private final ConfigErrors errors;

  /**
   * @param stored the config this one replaces, whose secrets an edit may keep
   */
  CredentialRules(ConfigDraft draft, Optional<SyncConfig> stored, ConfigErrors errors) {
    this.draft = draft;
    this.config = draft.config();
    this.stored = stored;
    this.errors = errors;
  }

  void auth() {
    Optional<Auth> parsed = draft.auth().parse();
    if (parsed.isEmpty()) {
      errors.add(
          "auth.type",
          "must be one of none, basic, bearer, apiKey (got '" + draft.auth().type() + "')");
      return;
    }
    switch (parsed.get()) {
      case Auth.None none -> {}
      case Auth.Basic basic -> {
        if (basic.login().isEmpty()) {
          errors.add("auth.login", "required for basic auth");
        } else if (basic.login().contains(":")) {
          errors.add("auth.login", "may not contain ':', which separates login and password");
        }
        if (basic.password().isEmpty()) {
          errors.add(
              "auth.password", omittedSecret("required for basic auth", storedAuthSecret(basic)));
        }
      }
      case Auth.Bearer bearer -> {
        if (bearer.token().isBlank()) {
          errors.add(
              "auth.token", omittedSecret("required for bearer auth", storedAuthSecret(bearer)));
        }
        errors.noLineBreaks("auth.token", bearer.token());
      }
      case Auth.ApiKey key -> {
        if (key.headerName().isEmpty()) {
          errors.add("auth.headerName", "required for apiKey auth, e.g. X-Api-Key");
        } else if (!HEADER_NAME.matcher(key.headerName()).matches()) {
          errors.add(
              "auth.headerName", "'" + key.headerName() + "' is not a valid HTTP header name");
        }
        if (key.value().isEmpty()) {
          errors.add("auth.value", apiKeyValueMissing(key));
        }
        errors.noLineBreaks("auth.value", key.value());
      }
    }
  }

  void headers() {
    String apiKeyHeader = draft.auth().parse().map(Auth::headerName).orElse("");
    Map<String, Integer> seen = new HashMap<>();
    List<Header> headers = config.headers();
    for (int i = 0; i < headers.size(); i++) {
      String field = "headers[" + i + "]";
      String key = headers.get(i).key().trim();
      String lower = key.toLowerCase(Locale.ROOT);
      if (key.isEmpty()) {
        errors.add(field + ".key", "required");
      } else if (!HEADER_NAME.matcher(key).matches()) {
        errors.add(field + ".key", "'" + key + "' is not a valid HTTP header name");
      } else if (lower.equals("authorization")) {
        errors.add(
            field + ".key",
            "set Authorization through auth (basic, bearer, or apiKey with headerName"
                + " Authorization), which keeps its value encrypted");
      } else if (key.equalsIgnoreCase(apiKeyHeader)) {
        errors.add(field + ".key", "'" + key + "' is the apiKey auth header; auth sets it");
      } else if (seen.containsKey(lower)) {
        errors.add(
            field + ".key", "'" + key + "' is already set by headers[" + seen.get(lower) + "]");
      } else {
        seen.put(lower, i);
      }
      errors.noLineBreaks(field + ".value", headers.get(i).value());
      if (headers.get(i).secret() && headers.get(i).value().isEmpty()) {
        errors.add(
            field + ".value",
            omittedSecret(
                "required: a secret header needs its value (omit it in an edit to keep the"
                    + " stored one)",
                storedSecretHeader(key)));
      }
    }
  }

  /**
   * The message for a secret left out of an edit: when the stored config had one that was not kept
   * because the target moved, it says so; otherwise it is {@code rule}.
   *
   * @param storedSecret whether the stored config has the secret this field would have kept
   */
  String omittedSecret(String rule, boolean storedSecret) {
    if (!storedSecret || originUnchanged()) {
      return rule;
    }
    return "required again: requestUrl now points at "
        + SyncConfig.origin(config.requestUrl())
        + " instead of "
        + SyncConfig.origin(stored.orElseThrow().requestUrl())
        + ", and a stored secret is only sent to the origin it was entered for";
  }

  /** True for a new config, or an edit whose request URL keeps the stored origin. */
  private boolean originUnchanged() {
    return stored
        .map(
            old ->
                SyncConfig.origin(old.requestUrl()).equals(SyncConfig.origin(config.requestUrl())))
        .orElse(true);
  }

  /** Whether the stored config has a secret for this auth's type. */
  private boolean storedAuthSecret(Auth auth) {
    return stored
        .map(SyncConfig::auth)
        .filter(old -> old.typeName().equals(auth.typeName()) && !old.secret().isEmpty())
        .isPresent();
  }

  private String apiKeyValueMissing(Auth.ApiKey auth) {
    boolean storedKey = storedAuthSecret(auth);
    String storedHeader = stored.map(old -> old.auth().headerName()).orElse("");
    if (storedKey && originUnchanged() && !storedHeader.equalsIgnoreCase(auth.headerName())) {
      return "required again: the key now goes in header '"
          + auth.headerName()
          + "' instead of '"
          + storedHeader
          + "', and a stored key is only sent in the header it was entered for";
    }
    return omittedSecret("required for apiKey auth", storedKey);
  }

  private boolean storedSecretHeader(String key) {
    return stored.stream()
        .flatMap(old -> old.headers().stream())
        .anyMatch(old -> old.secret() && old.key().equalsIgnoreCase(key));
  }
}
