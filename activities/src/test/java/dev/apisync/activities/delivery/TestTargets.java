package dev.apisync.activities.delivery;

import dev.apisync.activities.config.AuthSettings;
import dev.apisync.activities.config.AuthType;
import dev.apisync.activities.config.CredentialsLookup;
import dev.apisync.activities.config.Header;
import dev.apisync.activities.config.TargetCredentials;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.DeliveryRequest;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.RetrySettings;
import java.util.List;

/** Configs, credentials and requests for delivery tests. */
final class TestTargets {

  static final long CONFIG_ID = 42;

  private TestTargets() {}

  static ConfigSnapshot config(String url, HttpMethod method) {
    return config(url, method, 5);
  }

  static ConfigSnapshot config(String url, HttpMethod method, int readTimeoutSeconds) {
    return new ConfigSnapshot(
        CONFIG_ID,
        "partners to CRM",
        "res.partner",
        "[]",
        url,
        method,
        5,
        readTimeoutSeconds,
        false,
        100,
        0,
        RetrySettings.DEFAULTS,
        List.of(),
        "en_US",
        true,
        "",
        0,
        1,
        5);
  }

  static DeliveryRequest single(ConfigSnapshot config, long recordId, String json) {
    return new DeliveryRequest(config, List.of(new MappedRecord(recordId, json)), false);
  }

  static CredentialsLookup noAuth(Header... headers) {
    return credentials(AuthSettings.NONE, headers);
  }

  static CredentialsLookup credentials(AuthSettings auth, Header... headers) {
    return configId -> new TargetCredentials(auth, List.of(headers));
  }

  static AuthSettings basic(String login, String password) {
    return new AuthSettings(AuthType.BASIC, login, password, "", "", "");
  }

  static AuthSettings bearer(String token) {
    return new AuthSettings(AuthType.BEARER, "", "", token, "", "");
  }

  static AuthSettings apiKey(String headerName, String value) {
    return new AuthSettings(AuthType.API_KEY, "", "", "", headerName, value);
  }
}
