package dev.apisync.bench;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.SecretCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Issue 9's benchmark: apisync against a plain JDBC + HTTP loop on the same records and sink.
 * Starts a throwaway PostgreSQL, a Temporal dev server and the worker (its own JVM, via
 * scripts/worker.sh), then for each scenario runs a warm-up of each contender and then alternates
 * timed runs, checking each at the sink for exactly-once. Everything listens on 127.0.0.1 only.
 */
public final class Bench {

  private final BenchOptions options;
  private final Path repo;
  private final Path work;
  private final List<Measurement> timed = new ArrayList<>();

  private Bench(BenchOptions options, Path repo, Path work) {
    this.options = options;
    this.repo = repo;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(System.getProperty("apisync.repo", ".")).toAbsolutePath().normalize();
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, repo);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path work = Path.of(env("BENCH_WORK_DIR", "/tmp/apisync-bench"));
    Files.createDirectories(work);
    boolean exactlyOnce = new Bench(options, repo, work).run();
    System.exit(exactlyOnce ? 0 : 1);
  }

  private boolean run() throws Exception {
    String loadBefore = loadAverage();
    int pgPort = Integer.parseInt(env("BENCH_PG_PORT", "55446"));
    Path pgDir = Path.of(env("BENCH_PG_DIR", "/tmp/apisync-bench-pg"));
    say("PostgreSQL on 127.0.0.1:%d (%s)", pgPort, pgDir);
    try (PostgresCluster postgres = PostgresCluster.start(repo, pgPort, pgDir)) {
      DataSource odoo = postgres.dataSource(PostgresCluster.ODOO_DB);
      Instant seeding = Instant.now();
      BenchSource.ensureSeeded(odoo, options.rows());
      List<Long> selected = BenchSource.selectedIds(odoo);
      say(
          "source: %,d res_partner rows, %,d active customers selected (ready in %s s)",
          options.rows(), selected.size(), Duration.between(seeding, Instant.now()).toSeconds());

      try (Sink sink = Sink.start(options.rows());
          BaselineSync baseline = new BaselineSync(odoo)) {
        double ceiling = SinkCeiling.measure(sink);
        say("sink ceiling: %,.0f requests/s (trivial POSTs, 16 in flight)", ceiling);
        // The worker runs as in production (no dev profile): its own secrets and history keys.
        String historyKeys = "bench:" + randomKey();
        try (TemporalServer temporal = TemporalServer.start(work.resolve("temporal.log"));
            ApisyncRuns runs = new ApisyncRuns(temporal.target(), historyKeys)) {
          String secretsKey = randomKey();
          try (WorkerProcess worker = startWorker(postgres, temporal, secretsKey, historyKeys)) {
            runs.awaitWorker(worker, Duration.ofMinutes(5));
            say("worker polling (pid %d, log %s)", worker.pid(), work.resolve("worker.log"));
            awaitQuiet(new ProcessTree(worker.pid()));
            ConfigStore configs =
                new ConfigStore(
                    postgres.dataSource(PostgresCluster.APISYNC_DB),
                    SecretCipher.fromBase64(secretsKey));
            Contenders contenders =
                new Contenders(
                    baseline,
                    runs,
                    sink,
                    selected,
                    new ProcessTree(worker.pid()),
                    new ProcessTree(temporal.pid()),
                    new ProcessTree(postgres.pid()),
                    options.runTimeout());
            for (Scenario scenario : options.scenarios()) {
              postgres.clearRunData();
              runScenario(scenario, configs, contenders, sink);
            }
          }
        }
        return report(ceiling, selected.size(), loadBefore);
      }
    }
  }

  private void runScenario(Scenario scenario, ConfigStore configs, Contenders contenders, Sink sink)
      throws Exception {
    String stamp = Long.toString(System.currentTimeMillis(), 36);
    String url = sink.url(scenario.path());
    long full =
        configs.create(
            BenchSource.config(scenario, url, null, "bench " + scenario.name() + " " + stamp));
    long warm =
        configs.create(
            BenchSource.config(
                scenario,
                url,
                options.warmUpRecords(),
                "bench warm-up " + scenario.name() + " " + stamp));
    say("%s: warm-up (%,d records each)", scenario.name(), options.warmUpRecords());
    report(contenders.baseline(scenario, options.warmUpRecords()));
    report(contenders.apisync(scenario, warm, options.warmUpRecords()));
    if (scenario.scripted()) {
      // A request script runs interpreted until GraalPy has compiled it: two unmeasured runs of
      // the whole selection, and the compiler left to finish, measure the warm worker.
      say("%s: two more warm-up runs of every record, for GraalPy's compiler", scenario.name());
      report(contenders.apisync(scenario, full, null));
      report(contenders.apisync(scenario, full, null));
      awaitQuiet(contenders.worker());
    }
    for (int run = 1; run <= options.timedRuns(); run++) {
      Measurement baseline = contenders.baseline(scenario, null);
      report(baseline);
      timed.add(baseline);
      Measurement apisync = contenders.apisync(scenario, full, null);
      report(apisync);
      timed.add(apisync);
    }
  }

  private WorkerProcess startWorker(
      PostgresCluster postgres, TemporalServer temporal, String key, String historyKeys)
      throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(PostgresCluster.APISYNC_DB));
    environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
    environment.put("SPRING_DATASOURCE_PASSWORD", "");
    environment.put("APISYNC_SOURCE_URL", postgres.jdbcUrl(PostgresCluster.ODOO_DB));
    environment.put("APISYNC_SOURCE_USERNAME", "postgres");
    environment.put("APISYNC_SOURCE_PASSWORD", "");
    environment.put("SPRING_TEMPORAL_CONNECTION_TARGET", temporal.target());
    environment.put("APISYNC_SECRETS_KEY", key);
    environment.put("APISYNC_TEMPORAL_CODEC_KEYS", historyKeys);
    // The sink listens on loopback, which the egress policy refuses unless allowed.
    environment.put("APISYNC_EGRESS_ALLOW", "127.0.0.1");
    // No record-event triggers in the bench: keep the dispatcher's polling out of the numbers.
    environment.put("APISYNC_EVENTS_DISPATCHER", "false");
    environment.put("SERVER_PORT", Integer.toString(LocalPorts.free()));
    environment.put("SERVER_ADDRESS", "127.0.0.1");
    // Extra JVM flags for the worker only, e.g. a flight recording: BENCH_WORKER_JAVA_OPTS.
    String javaOptions = env("BENCH_WORKER_JAVA_OPTS", "");
    if (!javaOptions.isEmpty()) {
      environment.put("JAVA_TOOL_OPTIONS", javaOptions);
    }
    return WorkerProcess.start(
        repo, environment, options.workerArguments(), work.resolve("worker.log"));
  }

  private boolean report(double ceiling, int selected, String loadBefore) throws IOException {
    List<Report.Row> rows = Report.rows(options.scenarios(), timed);
    String header =
        String.format(
            Locale.ROOT,
            """
            Measured %s on %d cores (load average before: %s, after: %s)%s.
            Source: %,d res_partner rows, %,d active customers sent per run; %d timed run(s) per \
            contender and scenario after a warm-up, medians shown. Sink ceiling: %,.0f requests/s.
            Command: `bench/run.sh %s`
            """,
            Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
            Runtime.getRuntime().availableProcessors(),
            loadBefore,
            loadAverage(),
            options.label().isEmpty() ? "" : "; " + options.label(),
            options.rows(),
            selected,
            options.timedRuns(),
            ceiling,
            env("BENCH_ARGS", ""));
    String markdown = Report.markdown(rows, header);
    Files.createDirectories(options.output().getParent());
    Files.writeString(options.output(), markdown);
    Path png =
        options
            .output()
            .resolveSibling(
                options.output().getFileName().toString().replaceAll("\\.md$", "") + ".png");
    Chart.write(rows, "apisync vs a plain JDBC + HTTP loop, " + selected + " records", png);
    System.out.println();
    System.out.println(markdown);
    say("written: %s and %s", options.output(), png);
    boolean exactlyOnce = timed.stream().allMatch(m -> m.problems().isEmpty());
    if (!exactlyOnce) {
      say("NOT exactly-once in at least one run: see the lines above");
    }
    return exactlyOnce;
  }

  /**
   * Waits until the worker's CPU falls idle: GraalPy compiles its warm-up code on background
   * threads for a minute or more after the worker polls, and runs measured meanwhile would share
   * the two cores with that compiler. The targets are for a warm worker.
   */
  private static void awaitQuiet(ProcessTree worker) throws InterruptedException {
    Instant started = Instant.now();
    double before = worker.cpuSeconds();
    while (Duration.between(started, Instant.now()).compareTo(Duration.ofMinutes(4)) < 0) {
      Thread.sleep(2_000);
      double now = worker.cpuSeconds();
      if (now - before < 0.3) {
        say(
            "worker idle after %d s more (GraalPy's background compilation done)",
            Duration.between(started, Instant.now()).toSeconds());
        return;
      }
      before = now;
    }
    say("worker still busy after 4 minutes; measuring anyway");
  }

  private static void report(Measurement m) {
    String history =
        m.history() == null
            ? ""
            : String.format(
                Locale.ROOT,
                ", %,d events, %,d activities, %,d of %,d WFTs sticky, WFT wait median %.1f ms (deciles %s), worker CPU %.1f s, peak RSS"
                    + " %.0f MiB, Temporal CPU %.1f s, PG CPU %.1f s; time before: %s",
                m.history().events(),
                m.history().activities(),
                m.history().stickyWorkflowTasks(),
                m.history().workflowTaskWaitsMillis().size(),
                m.history().medianWorkflowTaskWaitMillis(),
                m.history().workflowTaskWaitDeciles(),
                m.workerCpu(),
                m.workerPeakRssMiB(),
                m.temporalCpu(),
                m.postgresCpu(),
                m.history().whereTimeWent(4));
    say(
        "  %-8s %-20s %,8d records in %7.2f s = %,10.0f records/s%s%s",
        m.contender(),
        m.scenario().name(),
        m.records(),
        m.seconds(),
        m.recordsPerSecond(),
        history,
        m.problems().isEmpty() ? " (exactly-once)" : " NOT EXACTLY-ONCE: " + m.problems());
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static void say(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench %tT] " + format + "%n", prepend(Instant.now(), args));
  }

  private static Object[] prepend(Instant now, Object[] args) {
    Object[] all = new Object[args.length + 1];
    all[0] = java.util.Date.from(now);
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }
}
