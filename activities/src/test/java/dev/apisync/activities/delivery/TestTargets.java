package dev.apisync.activities.delivery;

import dev.apisync.activities.config.Auth;
import dev.apisync.activities.config.CredentialsLookup;
import dev.apisync.activities.config.Header;
import dev.apisync.activities.config.TargetCredentials;
import dev.apisync.activities.requestlog.LoggedText;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.DeliveryRequest;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.OutageSettings;
import dev.apisync.workflows.RetrySettings;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Configs, credentials and requests for delivery tests. */
final class TestTargets {

  static final long CONFIG_ID = 42;

  private static DataSource apisync;

  private TestTargets() {}

  /** apisync's own database, migrated, shared by the delivery tests of this JVM. */
  static synchronized DataSource apisyncDatabase() {
    if (apisync == null) {
      apisync = TestPostgres.migratedDatabase("delivery");
    }
    return apisync;
  }

  /**
   * A target circuit on {@code database}, probing as the worker does by default, with no failure
   * counted yet: a test's receiver may get the port an earlier test's failing one had.
   */
  static TargetCircuit circuit(DataSource database) {
    try {
      JdbcClient.create(database).sql("DELETE FROM target_circuit").update();
    } catch (DataAccessException noTable) {
      // a database without apisync's tables: the circuit cannot be read, requests go
    }
    return new TargetCircuit(database, Duration.ofSeconds(5), Duration.ofSeconds(60));
  }

  /** Delivery with the request log and rate limiter on the shared database. */
  static DeliveryActivitiesImpl delivery(CredentialsLookup lookup, TargetClients clients) {
    return new DeliveryActivitiesImpl(
        lookup,
        clients,
        new RequestLog(apisyncDatabase()),
        new TargetRateLimiter(apisyncDatabase()),
        TestTargets.circuit(apisyncDatabase()),
        LoggedText.DEFAULT_RESPONSE_BYTES);
  }

  static ConfigSnapshot config(String url, HttpMethod method) {
    return config(url, method, 5);
  }

  static ConfigSnapshot config(String url, HttpMethod method, int readTimeoutSeconds) {
    return config(url, method, readTimeoutSeconds, RetrySettings.DEFAULTS, 0);
  }

  static ConfigSnapshot config(
      String url,
      HttpMethod method,
      int readTimeoutSeconds,
      RetrySettings retry,
      double rateLimit) {
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
        retry,
        List.of(),
        "en_US",
        true,
        "",
        rateLimit,
        1,
        1.0,
        5,
        0,
        false,
        false,
        "",
        OutageSettings.DEFAULTS);
  }

  static DeliveryRequest single(ConfigSnapshot config, long recordId, String json) {
    return new DeliveryRequest(config, List.of(new MappedRecord(recordId, json)), false);
  }

  static CredentialsLookup noAuth(Header... headers) {
    return credentials(Auth.NONE, headers);
  }

  static CredentialsLookup credentials(Auth auth, Header... headers) {
    return configId -> new TargetCredentials(auth, List.of(headers));
  }

  static Auth basic(String login, String password) {
    return new Auth.Basic(login, password);
  }

  static Auth bearer(String token) {
    return new Auth.Bearer(token);
  }

  static Auth apiKey(String headerName, String value) {
    return new Auth.ApiKey(headerName, value);
  }
}
