package dev.apisync.api.runs;

import com.google.protobuf.ByteString;
import dev.apisync.api.InvalidParameterException;
import dev.apisync.workflows.RunStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Lists runs from Temporal's visibility store: one call per page, whatever the page holds. Runs
 * come in Temporal's order (running first, then the most recently closed).
 */
@Component
class RunVisibility {

  private final WorkflowClient client;

  RunVisibility(WorkflowClient client) {
    this.client = client;
  }

  /**
   * @param pageToken empty for the first page, else a previous page's {@code nextPageToken}
   */
  VisibleRuns list(RunFilter filter, int limit, String pageToken) {
    ByteString token;
    try {
      token = ByteString.copyFrom(Base64.getUrlDecoder().decode(pageToken));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(
          "pageToken", "must be the nextPageToken of a previous page");
    }
    ListWorkflowExecutionsResponse page;
    try {
      page =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .listWorkflowExecutions(
                  ListWorkflowExecutionsRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setQuery(filter.toQuery())
                      .setPageSize(limit)
                      .setNextPageToken(token)
                      .build());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      String description = String.valueOf(e.getStatus().getDescription());
      if (code == Status.Code.UNIMPLEMENTED
          || (code == Status.Code.INVALID_ARGUMENT && description.contains("search attribute"))) {
        throw new RunListingUnavailableException(e);
      }
      if (code == Status.Code.INVALID_ARGUMENT && !pageToken.isEmpty()) {
        throw new InvalidParameterException(
            "pageToken", "must be the nextPageToken of a previous page");
      }
      throw e;
    }
    List<WorkflowExecutionMetadata> runs =
        page.getExecutionsList().stream()
            .map(
                info -> new WorkflowExecutionMetadata(info, client.getOptions().getDataConverter()))
            .toList();
    String next =
        page.getNextPageToken().isEmpty()
            ? null
            : Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(page.getNextPageToken().toByteArray());
    return new VisibleRuns(runs, next);
  }

  /**
   * The current status of each of {@code workflowIds} that visibility knows, in one query (a run
   * just started may not be visible yet).
   */
  Map<String, RunStatus> statuses(Collection<String> workflowIds) {
    // apisync's workflow ids are slugs; one with a quote could not be in the query.
    String ids =
        workflowIds.stream()
            .filter(id -> id.indexOf('\'') < 0)
            .map(id -> "'" + id + "'")
            .collect(Collectors.joining(", "));
    if (ids.isEmpty()) {
      return Map.of();
    }
    return client
        .listExecutions("WorkflowId IN (" + ids + ") AND ExecutionStatus != 'ContinuedAsNew'")
        .collect(
            Collectors.toMap(
                run -> run.getExecution().getWorkflowId(),
                run -> RunStatus.of(run.getStatus()),
                (first, second) -> first));
  }

  /** A page of executions and the token of the next page ({@code null} on the last). */
  record VisibleRuns(List<WorkflowExecutionMetadata> runs, String nextPageToken) {}
}
