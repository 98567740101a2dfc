package dev.apisync.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/** The REST API: sync configs, runs, schedules, triggers and request logs (SPEC §10). */
// Callers are API tokens (api.access), not users with passwords.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class ApiApplication {

  /** Its settings live in {@code api.yml}, so the API and the worker can share one JVM. */
  public static final String CONFIG_NAME = "api";

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(ApiApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
