package dev.apisync.api;

import dev.apisync.activities.codec.PayloadKeys;
import dev.apisync.activities.config.SampleSource;
import dev.apisync.activities.config.SecretCipher;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.SyncRunOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
    String app = TestPostgres.databaseName(TestPostgres.freshDatabase("api_test"));
    sourceDatabase = SampleSource.create(TestPostgres.freshDatabase("api_test_source"));
    String source = TestPostgres.databaseName(sourceDatabase);
    registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrl(app));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("apisync.source.url", () -> TestPostgres.jdbcUrl(source));
    registry.add("apisync.source.username", () -> "postgres");
    registry.add("apisync.source.password", () -> "");
    registry.add("spring.temporal.test-server.enabled", () -> "true");
    registry.add("spring.temporal.workers-auto-discovery.enabled", () -> "false");
  }

  @LocalServerPort protected int port;

  @Autowired private TestWorkflowEnvironment temporal;

  /** The in-memory test server knows no search attributes until told (a real server is, once). */
  @BeforeEach
  void registerSearchAttributes() {
    for (SearchAttributeKey<?> key : SyncRunOptions.SEARCH_ATTRIBUTES) {
      temporal.registerSearchAttribute(key.getName(), key.getValueType());
    }
  }
}
