package dev.apisync.activities.delivery;

import static dev.apisync.activities.delivery.TestTargets.basic;
import static dev.apisync.activities.delivery.TestTargets.config;
import static dev.apisync.activities.delivery.TestTargets.credentials;
import static dev.apisync.activities.delivery.TestTargets.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.apisync.activities.config.Header;
import dev.apisync.activities.testing.TestEgress;
import dev.apisync.workflows.HttpMethod;
import io.temporal.failure.ApplicationFailure;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DeliveryLoggingTest {

  @StartStop private final MockWebServer server = new MockWebServer();
  @AutoClose private final TargetClients clients = new TargetClients(TestEgress.loopbackAllowed());
  private final Logger logger = (Logger) LoggerFactory.getLogger(DeliveryActivitiesImpl.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    logger.setLevel(Level.DEBUG);
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
    logger.setLevel(null);
  }

  @Test
  void logsOneLinePerRequestWithoutSecrets() {
    server.enqueue(new MockResponse.Builder().code(422).body("nope").build());
    var lookup = credentials(basic("admin", "hunter22"), new Header("X-Auth-Token", "zzz-999"));
    var config = config(server.url("/p?api_key=qs-secret").toString(), HttpMethod.POST);

    var delivery = TestTargets.delivery(lookup, clients);
    assertThatThrownBy(() -> delivery.deliver(single(config, 7, "{\"id\":7}")))
        .isInstanceOf(ApplicationFailure.class);

    assertThat(lines.list).hasSize(1);
    String line = lines.list.getFirst().getFormattedMessage();
    assertThat(line)
        .contains("config=42", "method=POST", "status=422", "records=1", "durationMs=")
        .contains("api_key=***")
        .doesNotContain("hunter22", "zzz-999", "qs-secret", "YWRtaW46");
  }
}
