package dev.apisync.api;

import dev.apisync.activities.codec.PayloadKeys;
import dev.apisync.activities.config.SampleSource;
import dev.apisync.activities.config.SecretCipher;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.SyncRunOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one API context the API tests share (Spring caches it across classes): the app on a random
 * port, both databases real (and fresh) PostgreSQL, Temporal's in-memory test server, and a known
 * bootstrap admin token. Tests clean the tables they use.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + ApiApplication.CONFIG_NAME,
      "apisync.secrets.key=" + SecretCipher.DEVELOPMENT_KEY,
      "apisync.security.admin-token=" + ApiTestContext.ADMIN_TOKEN,
      // Two history keys, the first current (rotation), and a Web UI origin for the codec's CORS.
      "apisync.temporal.codec.keys=k2:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=,"
          + PayloadKeys.DEVELOPMENT,
      "apisync.temporal.ui-url=" + ApiTestContext.WEB_UI_ORIGIN + "/"
    })
public abstract class ApiTestContext {

  public static final String WEB_UI_ORIGIN = "http://ui.example.test:8233";

  public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef0123456789";

  protected static DataSource sourceDatabase;

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    sourceDatabase = SampleSource.create(TestPostgres.freshDatabase("api_test_source"));
    TestPostgres.appProperties(TestPostgres.freshDatabase("api_test"), sourceDatabase)
        .forEach((name, value) -> registry.add(name, () -> value));
    registry.add("spring.temporal.test-server.enabled", () -> "true");
    registry.add("spring.temporal.workers-auto-discovery.enabled", () -> "false");
  }

  /**
   * A minimal valid config as the API takes it (partners by id, with their name): {@code %s} is its
   * name.
   */
  private static final String PARTNERS_CONFIG =
      """
      {
        "name": "%s",
        "model": "res.partner",
        "requestUrl": "https://crm.example.com/partners",
        "httpMethod": "POST",
        "lines": [
          {"field": "id", "externalKey": "id", "isIdentifier": true},
          {"field": "name", "externalKey": "name"}
        ]
      }
      """;

  @LocalServerPort protected int port;

  /** apisync's own database, as the app uses it. */
  @Autowired protected DataSource dataSource;

  @Autowired private TestWorkflowEnvironment temporal;

  /** A minimal valid config under a name no other config has. */
  protected static String partnersConfig() {
    return PARTNERS_CONFIG.formatted("Partners " + UUID.randomUUID());
  }

  /** Deletes every config and its lines, for tests that need to start from none. */
  protected void deleteConfigs() {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    jdbc.sql("DELETE FROM sync_config_line").update();
    jdbc.sql("DELETE FROM sync_config").update();
  }

  /** The in-memory test server knows no search attributes until told (a real server is, once). */
  @BeforeEach
  void registerSearchAttributes() {
    for (SearchAttributeKey<?> key : SyncRunOptions.SEARCH_ATTRIBUTES) {
      temporal.registerSearchAttribute(key.getName(), key.getValueType());
    }
  }
}
