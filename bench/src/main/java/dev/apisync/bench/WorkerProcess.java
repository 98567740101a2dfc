package dev.apisync.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The apisync worker as its own JVM, started by {@code scripts/worker.sh} as a deployment does. */
final class WorkerProcess implements AutoCloseable {

  private final Process process;

  private WorkerProcess(Process process) {
    this.process = process;
  }

  /**
   * @param environment settings (datasource, source, Temporal target, secrets key)
   * @param arguments extra arguments for the app, e.g. {@code --apisync.scripts.pool-size=8}
   */
  static WorkerProcess start(
      Path repo, Map<String, String> environment, List<String> arguments, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(repo.resolve("scripts/worker.sh").toString());
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    return new WorkerProcess(builder.start());
  }

  /** scripts/worker.sh execs the JVM, so this is the worker JVM itself. */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
