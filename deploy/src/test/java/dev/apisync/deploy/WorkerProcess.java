package dev.apisync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.codec.EncryptionCodec;
import dev.apisync.activities.codec.PayloadKeys;
import dev.apisync.activities.testing.TestPostgres;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A worker as its own OS process, as in production, for the ITs that kill it or take away what it
 * depends on; its log goes to a temporary file. It runs under {@code dev}: payloads are sealed with
 * the development key, which {@link #client} uses too.
 */
final class WorkerProcess {

  private static final Path JAR = Path.of("../worker/target/worker-0.1.0-SNAPSHOT-exec.jar");

  private WorkerProcess() {}

  /**
   * @param apisyncUrl JDBC URL of apisync's database (user postgres, no password)
   * @param sourceUrl JDBC URL of the source database
   */
  static Process start(String apisyncUrl, String sourceUrl, String temporalTarget)
      throws IOException {
    assertThat(JAR).as("the worker's executable jar (mvn package)").exists();
    String java = ProcessHandle.current().info().command().orElse("java");
    File log = Files.createTempFile("apisync-worker", ".log").toFile();
    return new ProcessBuilder(
            java,
            "-jar",
            JAR.toString(),
            "--spring.datasource.url=" + apisyncUrl,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--apisync.source.url=" + sourceUrl,
            "--apisync.source.username=postgres",
            "--apisync.source.password=",
            "--spring.temporal.connection.target=" + temporalTarget,
            "--spring.profiles.active=dev",
            // The test receivers listen on loopback, which the egress policy refuses unless
            // allowed.
            "--apisync.egress.allow=127.0.0.1",
            "--apisync.events.dispatcher=false",
            "--server.port=0")
        .redirectErrorStream(true)
        .redirectOutput(log)
        .start();
  }

  /** A worker between the two databases, both on the server {@link TestPostgres} runs. */
  static Process start(PartnerDatabases databases, String temporalTarget) throws IOException {
    return start(
        TestPostgres.jdbcUrl(TestPostgres.databaseName(databases.apisync())),
        TestPostgres.jdbcUrl(TestPostgres.databaseName(databases.odoo())),
        temporalTarget);
  }

  /** A client whose payloads the worker can read. */
  static WorkflowClient client(WorkflowServiceStubs service) {
    return WorkflowClient.newInstance(
        service,
        WorkflowClientOptions.newBuilder()
            .setDataConverter(
                new EncryptionCodec(PayloadKeys.parse(List.of(PayloadKeys.DEVELOPMENT)))
                    .dataConverter())
            .build());
  }
}
