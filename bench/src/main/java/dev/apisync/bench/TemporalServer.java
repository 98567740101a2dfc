package dev.apisync.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real Temporal dev server ({@code temporal server start-dev}), in memory, on its own port. */
final class TemporalServer implements AutoCloseable {

  private final Process process;
  private final int port;

  private TemporalServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static TemporalServer start(Path log) throws IOException, InterruptedException {
    int port = LocalPorts.free();
    List<String> command =
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
            "warn");
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
    return new TemporalServer(process, port);
  }

  String target() {
    return "127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    stop(process);
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
