package dev.apisync.api.runs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links to a run's page in the Temporal Web UI. */
@Component
class TemporalUiLinks {

  private final String uiUrl;
  private final String namespace;

  TemporalUiLinks(
      @Value("${apisync.temporal.ui-url}") String uiUrl,
      @Value("${spring.temporal.namespace:default}") String namespace) {
    this.uiUrl = uiUrl.replaceAll("/+$", "");
    this.namespace = namespace;
  }

  String run(String workflowId, String runId) {
    return uiUrl
        + "/namespaces/"
        + encode(namespace)
        + "/workflows/"
        + encode(workflowId)
        + "/"
        + encode(runId)
        + "/history";
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
