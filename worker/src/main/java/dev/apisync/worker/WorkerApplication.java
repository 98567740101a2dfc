package dev.apisync.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The worker: runs {@code SyncRunWorkflow} and its activities on the {@code apisync-sync} task
 * queue. Scale it horizontally; every instance polls the same queue.
 */
@SpringBootApplication
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
