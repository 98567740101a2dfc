package dev.apisync.bench;

import java.time.Duration;
import java.util.List;

/**
 * Runs one contender once on a scenario and measures it: wall time, the sink's exactly-once check,
 * and for apisync its history and the CPU and memory of the worker, Temporal and PostgreSQL.
 */
final class Contenders {

  private final BaselineSync baseline;
  private final ApisyncRuns apisync;
  private final Sink sink;
  private final List<Long> selected;
  private final ProcessTree worker;
  private final ProcessTree temporal;
  private final ProcessTree postgres;
  private final Duration timeout;

  ProcessTree worker() {
    return worker;
  }

  Contenders(
      BaselineSync baseline,
      ApisyncRuns apisync,
      Sink sink,
      List<Long> selected,
      ProcessTree worker,
      ProcessTree temporal,
      ProcessTree postgres,
      Duration timeout) {
    this.baseline = baseline;
    this.apisync = apisync;
    this.sink = sink;
    this.selected = selected;
    this.worker = worker;
    this.temporal = temporal;
    this.postgres = postgres;
    this.timeout = timeout;
  }

  /**
   * @param limit the first records only (a warm-up), or null for all
   */
  Measurement baseline(Scenario scenario, Integer limit) throws Exception {
    sink.reset();
    double postgresCpu = postgres.cpuSeconds();
    long start = System.nanoTime();
    long sent = baseline.run(scenario, sink.url(scenario.path()), limit, timeout);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Measurement(
        scenario,
        Measurement.BASELINE,
        sent,
        seconds,
        null,
        0,
        Double.NaN,
        0,
        postgres.cpuSeconds() - postgresCpu,
        sink.verify(expected(limit)));
  }

  /**
   * @param limit the config's limit (a warm-up config), or null for all
   */
  Measurement apisync(Scenario scenario, long configId, Integer limit) throws Exception {
    sink.reset();
    worker.resetPeakRss();
    double workerCpu = worker.cpuSeconds();
    double temporalCpu = temporal.cpuSeconds();
    double postgresCpu = postgres.cpuSeconds();
    long start = System.nanoTime();
    ApisyncRuns.Completed run =
        apisync.run(
            configId, "bench-" + scenario.name() + "-" + System.currentTimeMillis(), timeout);
    double seconds = (System.nanoTime() - start) / 1e9;
    String problems = sink.verify(expected(limit));
    if (run.result().failed() > 0) {
      problems = (problems + " " + run.result().failed() + " failed in apisync").trim();
    }
    return new Measurement(
        scenario,
        Measurement.APISYNC,
        run.result().sent(),
        seconds,
        run.history(),
        worker.cpuSeconds() - workerCpu,
        worker.peakRssMiB(),
        temporal.cpuSeconds() - temporalCpu,
        postgres.cpuSeconds() - postgresCpu,
        problems);
  }

  private List<Long> expected(Integer limit) {
    return limit == null ? selected : selected.subList(0, Math.min(limit, selected.size()));
  }
}
