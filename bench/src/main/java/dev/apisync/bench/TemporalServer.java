package dev.apisync.bench;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Temporal dev server ({@code temporal server start-dev}), in memory, on its own port, with
 * extra flags from {@code BENCH_TEMPORAL_ARGS}; or, with {@code BENCH_TEMPORAL=test-server}, the
 * SDK's in-JVM test server, as a control that shares nothing with the dev server (its CPU is then
 * counted in the bench's own JVM).
 */
final class TemporalServer implements AutoCloseable {

  private final Process process;
  private final TestServer.PortBoundTestServer testServer;
  private final int port;

  private TemporalServer(Process process, TestServer.PortBoundTestServer testServer, int port) {
    this.process = process;
    this.testServer = testServer;
    this.port = port;
  }

  static TemporalServer start(Path log) throws IOException, InterruptedException {
    int port = LocalPorts.free();
    if ("test-server".equals(System.getenv("BENCH_TEMPORAL"))) {
      return new TemporalServer(null, TestServer.createPortBoundServer(port), port);
    }
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "temporal",
                "server",
                "start-dev",
                "--headless",
                "--ip",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--log-level",
                "warn"));
    // Extra dev-server flags for experiments, e.g. "--sqlite-pragma journal_mode=WAL".
    String extra = System.getenv("BENCH_TEMPORAL_ARGS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    try {
      LocalPorts.await(port, Duration.ofSeconds(60), process);
    } catch (IOException e) {
      stop(process);
      throw e;
    }
    return new TemporalServer(process, null, port);
  }

  String target() {
    return "127.0.0.1:" + port;
  }

  long pid() {
    return process == null ? ProcessHandle.current().pid() : process.pid();
  }

  @Override
  public void close() {
    if (testServer != null) {
      testServer.close();
    } else {
      stop(process);
    }
  }

  /** The CLI may be a wrapper (pyenv shim, pip entry point) running the server as its child. */
  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
