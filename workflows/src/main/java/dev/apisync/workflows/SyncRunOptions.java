package dev.apisync.workflows;

import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How every sync run is started, whoever starts it (the API, a schedule, the record-event
 * dispatcher, a webhook): the task queue, a summary the Temporal Web UI shows, the memo apisync
 * reads back, and the search attributes that find the run in the UI and in visibility queries. Pure
 * (no I/O): the starters pass the config they loaded.
 */
public final class SyncRunOptions {

  /** The run's config id. Registered on the server: {@code ApiSyncConfigId=Int}. */
  public static final SearchAttributeKey<Long> CONFIG_ID =
      SearchAttributeKey.forLong("ApiSyncConfigId");

  /** The config's Odoo model, e.g. {@code res.partner}: {@code ApiSyncModel=Keyword}. */
  public static final SearchAttributeKey<String> MODEL =
      SearchAttributeKey.forKeyword("ApiSyncModel");

  /** What started the run ({@link Trigger} name): {@code ApiSyncTrigger=Keyword}. */
  public static final SearchAttributeKey<String> TRIGGER =
      SearchAttributeKey.forKeyword("ApiSyncTrigger");

  /** Every search attribute apisync sets: each Temporal server must have them registered. */
  public static final List<SearchAttributeKey<?>> SEARCH_ATTRIBUTES =
      List.of(CONFIG_ID, MODEL, TRIGGER);

  public static final String MEMO_CONFIG_ID = "configId";
  public static final String MEMO_TRIGGER = "trigger";

  private SyncRunOptions() {}

  /**
   * Options for a run of {@code config} with {@code input}, under {@code workflowId} (see {@link
   * WorkflowIds}; a schedule passes its id prefix).
   */
  public static WorkflowOptions.Builder forRun(
      ConfigSnapshot config, SyncRunInput input, String workflowId) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.SYNC)
        .setWorkflowId(workflowId)
        .setStaticSummary(summary(config, input))
        .setMemo(Map.of(MEMO_CONFIG_ID, config.id(), MEMO_TRIGGER, input.trigger().name()))
        .setTypedSearchAttributes(searchAttributes(config.id(), config.model(), input.trigger()));
  }

  public static SearchAttributes searchAttributes(long configId, String model, Trigger trigger) {
    return SearchAttributes.newBuilder()
        .set(CONFIG_ID, configId)
        .set(MODEL, model)
        .set(TRIGGER, trigger.name())
        .build();
  }

  /**
   * E.g. {@code customers to CRM: res.partner → POST crm.example.com/api/customers · schedule},
   * with {@code · dry run} and {@code · 3 records} when they apply. The URL shows host and path
   * only: a query string or userinfo may carry a secret and would stay in history for good.
   */
  public static String summary(ConfigSnapshot config, SyncRunInput input) {
    StringBuilder summary =
        new StringBuilder()
            .append(config.name())
            .append(": ")
            .append(config.model())
            .append(" → ")
            .append(config.httpMethod())
            .append(' ')
            .append(hostAndPath(config.requestUrl()))
            .append(" · ")
            .append(input.trigger().name().toLowerCase(Locale.ROOT));
    if (input.incremental()) {
      summary.append(" · incremental");
    }
    if (input.dryRun()) {
      summary.append(" · dry run");
    }
    if (!input.recordIds().isEmpty()) {
      summary.append(" · ").append(input.recordIds().size()).append(" record(s)");
    }
    return summary.toString();
  }

  /**
   * Host, port and path of a (possibly templated) URL, without scheme, userinfo or query (the
   * redaction is {@link UrlRedaction}'s; the rest only shortens).
   */
  static String hostAndPath(String url) {
    String rest = UrlRedaction.redact(url).replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
    int end = rest.length();
    for (char stop : new char[] {'?', '#'}) {
      int at = rest.indexOf(stop);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    rest = rest.substring(0, end);
    int pathStart = rest.indexOf('/');
    String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
    String path = pathStart < 0 ? "" : rest.substring(pathStart);
    return authority.substring(authority.lastIndexOf('@') + 1) + path;
  }
}
