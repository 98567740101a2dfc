package dev.apisync.worker;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.delivery.TargetClients;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.runs.RunStore;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.SourceCatalog;
import javax.sql.DataSource;

/**
 * Every activity the worker registers, built by the worker's own wiring over the given databases,
 * so workflow tests run exactly what production runs.
 */
final class WorkerActivities {

  private WorkerActivities() {}

  static Object[] all(
      DataSource apisync, DataSource source, ConfigStore store, TargetClients clients) {
    WorkerConfiguration wiring = new WorkerConfiguration();
    SourceCatalog catalog = new SourceCatalog(source);
    return new Object[] {
      wiring.configActivities(store),
      wiring.recordActivities(source, new DomainCompiler(catalog)),
      wiring.mappingActivities(source, catalog, store),
      wiring.deliveryActivities(
          store, clients, new RequestLog(apisync), wiring.targetRateLimiter(apisync)),
      wiring.runRecordActivities(new RunStore(apisync))
    };
  }
}
