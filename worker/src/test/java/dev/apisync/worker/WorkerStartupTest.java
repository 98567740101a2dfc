package dev.apisync.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.config.SampleSource;
import dev.apisync.activities.script.PythonScripts;
import dev.apisync.activities.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The worker app starts with every activity of {@code worker.yml} and a warm script pool. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.config.name=" + WorkerApplication.CONFIG_NAME,
      "spring.temporal.test-server.enabled=true",
      "apisync.scripts.pool-size=1",
      "spring.profiles.active=dev"
    })
class WorkerStartupTest {

  @DynamicPropertySource
  static void databases(DynamicPropertyRegistry registry) {
    TestPostgres.appProperties(
            TestPostgres.freshDatabase("worker_app"),
            SampleSource.create(TestPostgres.freshDatabase("worker_src")))
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @Autowired ApplicationContext context;
  @Autowired PythonScripts scripts;

  @Test
  void registersTheScriptActivitiesAndWarmsThePoolBeforePolling() {
    assertThat(context.containsBean("scriptActivities")).isTrue();
    assertThat(scripts.contextsCreated()).isEqualTo(1);
  }
}
