package dev.apisync.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The worker: runs {@code SyncRunWorkflow} and its activities on the {@code apisync-sync} task
 * queue. Scale it horizontally; every instance polls the same queue.
 */
// The worker serves only health and info. Where the API (and so Spring Security) shares its
// classpath, as in the one-JVM dev stack, security's defaults would lock those behind a generated
// password: the API's access rules are the API's, not the worker's.
@SpringBootApplication(
    excludeName = {
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet"
          + ".ManagementWebSecurityAutoConfiguration"
    })
public class WorkerApplication {

  /** Its settings live in {@code worker.yml}, so the API and the worker can share one JVM. */
  public static final String CONFIG_NAME = "worker";

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(WorkerApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
