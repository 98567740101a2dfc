package dev.apisync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown table: per scenario, medians of the timed runs of each contender. */
final class Report {

  private Report() {}

  /** One row of the table. */
  record Row(
      Scenario scenario,
      double baselineRate,
      double apisyncRate,
      double eventsPerThousand,
      double activitiesPerThousand,
      double workflowTaskWaitMillis,
      double workerPeakRssMiB,
      double workerCpu,
      double temporalCpu,
      double postgresCpu,
      int timedRuns,
      boolean exactlyOnce) {

    double ratio() {
      return apisyncRate / baselineRate;
    }
  }

  static List<Row> rows(List<Scenario> scenarios, List<Measurement> timed) {
    List<Row> rows = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      List<Measurement> baseline = of(timed, scenario, Measurement.BASELINE);
      List<Measurement> apisync = of(timed, scenario, Measurement.APISYNC);
      if (baseline.isEmpty() || apisync.isEmpty()) {
        continue;
      }
      rows.add(
          new Row(
              scenario,
              Stats.median(baseline.stream().map(Measurement::recordsPerSecond).toList()),
              Stats.median(apisync.stream().map(Measurement::recordsPerSecond).toList()),
              Stats.median(apisync.stream().map(m -> m.perThousand(m.history().events())).toList()),
              Stats.median(
                  apisync.stream().map(m -> m.perThousand(m.history().activities())).toList()),
              Stats.median(
                  apisync.stream().map(m -> m.history().medianWorkflowTaskWaitMillis()).toList()),
              apisync.stream().mapToDouble(Measurement::workerPeakRssMiB).max().orElse(Double.NaN),
              Stats.median(apisync.stream().map(Measurement::workerCpu).toList()),
              Stats.median(apisync.stream().map(Measurement::temporalCpu).toList()),
              Stats.median(apisync.stream().map(Measurement::postgresCpu).toList()),
              apisync.size(),
              timed.stream()
                  .filter(m -> m.scenario().equals(scenario))
                  .allMatch(m -> m.problems().isEmpty())));
    }
    return rows;
  }

  static String markdown(List<Row> rows, String header) {
    StringBuilder out = new StringBuilder(header);
    out.append(
        """

        | scenario | baseline rec/s | apisync rec/s | ratio | history events /1k rec | activities /1k rec \
        | WFT wait median ms | worker peak RSS MiB | CPU s worker / Temporal / PG (apisync run) \
        | exactly-once |
        |---|---:|---:|---:|---:|---:|---:|---:|---|---|
        """);
    for (Row row : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %,.0f | %.3f | %.0f | %.0f | %.1f | %.0f | %.1f / %.1f / %.1f | %s |%n",
              row.scenario().name(),
              row.baselineRate(),
              row.apisyncRate(),
              row.ratio(),
              row.eventsPerThousand(),
              row.activitiesPerThousand(),
              row.workflowTaskWaitMillis(),
              row.workerPeakRssMiB(),
              row.workerCpu(),
              row.temporalCpu(),
              row.postgresCpu(),
              row.exactlyOnce() ? "yes (" + row.timedRuns() + " runs)" : "**NO**"));
    }
    return out.toString();
  }

  private static List<Measurement> of(
      List<Measurement> timed, Scenario scenario, String contender) {
    return timed.stream()
        .filter(m -> m.scenario().equals(scenario) && m.contender().equals(contender))
        .toList();
  }
}
