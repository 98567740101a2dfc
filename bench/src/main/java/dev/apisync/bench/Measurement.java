package dev.apisync.bench;

/**
 * One timed run of one contender.
 *
 * @param history the run's Temporal history; null for the baseline
 * @param workerCpu CPU seconds of the worker JVM during the run (0 for the baseline, which runs in
 *     the bench's own JVM)
 * @param problems empty when the sink saw every selected record exactly once
 */
record Measurement(
    Scenario scenario,
    String contender,
    long records,
    double seconds,
    RunHistory history,
    double workerCpu,
    double workerPeakRssMiB,
    double temporalCpu,
    double postgresCpu,
    String problems) {

  static final String BASELINE = "baseline";
  static final String APISYNC = "apisync";

  double recordsPerSecond() {
    return records / seconds;
  }

  double perThousand(int count) {
    return records == 0 ? Double.NaN : count * 1000.0 / records;
  }
}
