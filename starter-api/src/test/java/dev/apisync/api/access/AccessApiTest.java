package dev.apisync.api.access;

import static dev.apisync.api.ApiCalls.JSON;
import static dev.apisync.api.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.api.ApiCalls;
import dev.apisync.api.ApiTestContext;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Tokens and roles (SPEC §11) over real HTTP: who may call what. */
class AccessApiTest extends ApiTestContext {

  /** Every call of SPEC §10 but the webhook intake, built or not yet. */
  static final List<String> ENDPOINTS =
      List.of(
          "GET /api/configs",
          "POST /api/configs",
          "GET /api/configs/1",
          "PUT /api/configs/1",
          "DELETE /api/configs/1",
          "POST /api/configs/1/runs",
          "GET /api/runs",
          "GET /api/runs/sync-1-x",
          "POST /api/runs/sync-1-x/cancel",
          "POST /api/runs/sync-1-x/terminate",
          "POST /api/runs/sync-1-x/retry",
          "POST /api/runs/sync-1-x/retry-failed",
          "GET /api/logs",
          "GET /api/configs/1/schedule",
          "POST /api/configs/1/schedule",
          "DELETE /api/configs/1/schedule",
          "POST /api/configs/1/schedule/pause",
          "POST /api/configs/1/schedule/unpause",
          "POST /api/configs/1/schedule/trigger",
          "POST /api/configs/1/schedule/backfill",
          "POST /api/configs/1/watermark",
          "GET /api/configs/1/triggers",
          "PUT /api/configs/1/triggers",
          "DELETE /api/configs/1/triggers",
          "POST /api/configs/1/webhook",
          "DELETE /api/configs/1/webhook",
          "GET /api/tokens",
          "POST /api/tokens",
          "DELETE /api/tokens/1",
          "GET /v3/api-docs",
          "GET /swagger-ui/index.html",
          "GET /actuator/info",
          "GET /api/something-new",
          "POST /api/something-new",
          "POST /codec/decode");

  /** The endpoints that write, with the lowest role allowed to call each. */
  static final List<String> WRITES =
      List.of(
          "author POST /api/configs",
          "author PUT /api/configs/1",
          "author DELETE /api/configs/1",
          "author POST /api/configs/1/schedule",
          "author DELETE /api/configs/1/schedule",
          "author POST /api/configs/1/schedule/pause",
          "author POST /api/configs/1/schedule/unpause",
          "author POST /api/configs/1/watermark",
          "author PUT /api/configs/1/triggers",
          "author DELETE /api/configs/1/triggers",
          "author POST /api/configs/1/webhook",
          "author DELETE /api/configs/1/webhook",
          "operator POST /api/configs/1/runs",
          "operator POST /api/configs/1/schedule/trigger",
          "operator POST /api/configs/1/schedule/backfill",
          "operator POST /api/runs/sync-1-x/cancel",
          "operator POST /api/runs/sync-1-x/terminate",
          "operator POST /api/runs/sync-1-x/retry",
          "operator POST /api/runs/sync-1-x/retry-failed",
          "admin GET /api/tokens",
          "admin POST /api/tokens",
          "admin DELETE /api/tokens/1",
          "admin POST /api/something-new");

  @Autowired WorkflowClient temporal;

  private ApiCalls api;

  @BeforeEach
  void freshTables() {
    api = new ApiCalls(port);
    JdbcClient.create(dataSource).sql("DELETE FROM api_token").update();
    deleteConfigs();
  }

  @Test
  void nothingButHealthAnswersWithoutAToken() {
    for (String endpoint : ENDPOINTS) {
      HttpResponse<String> response = call(null, endpoint, "{}");
      JsonNode problem = problem(response, 401);
      assertThat(problem.get("title").asString()).as(endpoint).isEqualTo("Unauthorized");
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer realm=\"apisync\"");
    }
    HttpResponse<String> health = api.send(null, "GET", "/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongOrMalformedTokenIs401EvenOnOpenPaths() {
    for (String header : List.of("Bearer nope", "Basic YWRtaW46YWRtaW4=", "Bearer ", ADMIN_TOKEN)) {
      HttpResponse<String> response =
          api.send(
              java.net.http.HttpRequest.newBuilder(api.uri("/api/configs"))
                  .header("Authorization", header)
                  .GET()
                  .build());
      assertThat(problem(response, 401).get("detail").asString())
          .as(header)
          .contains("no valid API token");
    }
  }

  @Test
  void aViewerReadsButCannotWrite() {
    String viewer = issue("dashboards", "viewer");
    // (GET /api/runs is a visibility query, which the in-memory Temporal server lacks: the
    // deploy ITs list runs as a viewer against the real dev server.)
    for (String read : List.of("/api/configs", "/api/logs", "/v3/api-docs")) {
      assertThat(api.send(viewer, "GET", read, null).statusCode()).as(read).isEqualTo(200);
    }
    for (String write : WRITES) {
      String endpoint = write.substring(write.indexOf(' ') + 1);
      JsonNode problem = problem(call(viewer, endpoint, "{}"), 403);
      assertThat(problem.get("title").asString()).isEqualTo("Forbidden");
      assertThat(problem.get("detail").asString())
          .as(endpoint)
          .contains("'dashboards' has the role viewer");
    }
  }

  @Test
  void eachWriteNeedsItsRoleAndTheRolesAboveMayToo() {
    List<String> roles = List.of("viewer", "author", "operator", "admin");
    List<String> tokens = roles.stream().map(role -> issue(role + " token", role)).toList();
    for (String write : WRITES) {
      String needed = write.substring(0, write.indexOf(' '));
      String endpoint = write.substring(write.indexOf(' ') + 1);
      for (int i = 0; i < roles.size(); i++) {
        int status = call(tokens.get(i), endpoint, "{}").statusCode();
        if (i < roles.indexOf(needed)) {
          assertThat(status).as(roles.get(i) + " " + endpoint).isEqualTo(403);
        } else {
          assertThat(status).as(roles.get(i) + " " + endpoint).isNotIn(401, 403);
        }
      }
    }
  }

  @Test
  void theRightRolesDoTheirJobs() {
    String author = issue("author", "author");
    String operator = issue("operator", "operator");

    HttpResponse<String> created = api.send(author, "POST", "/api/configs", partnersConfig());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();

    HttpResponse<String> started =
        api.send(operator, "POST", "/api/configs/" + id + "/runs", "{\"dryRun\": true}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String workflowId = JSON.readTree(started.body()).get("workflowId").asString();

    // The run is apisync's from the moment the start answers, worker or not.
    HttpResponse<String> read = api.send(author, "GET", "/api/runs/" + workflowId, null);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).get("status").asString()).isEqualTo("RUNNING");

    HttpResponse<String> canceled =
        api.send(operator, "POST", "/api/runs/" + workflowId + "/cancel", "application/json", "");
    assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(202);
    assertThat(api.send(author, "DELETE", "/api/configs/" + id, null).statusCode()).isEqualTo(204);
  }

  @Test
  void runOperationsOnAWorkflowApisyncDidNotStartAreNotFound() {
    String foreignId = "not-apisync-" + UUID.randomUUID();
    WorkflowStub foreign =
        temporal.newUntypedWorkflowStub(
            "SomeoneElsesWorkflow",
            WorkflowOptions.newBuilder()
                .setTaskQueue("elsewhere")
                .setWorkflowId(foreignId)
                .build());
    foreign.start();

    problem(api.send(ADMIN_TOKEN, "GET", "/api/runs/" + foreignId, null), 404);
    for (String operation : List.of("cancel", "terminate", "retry", "retry-failed")) {
      problem(api.send(ADMIN_TOKEN, "POST", "/api/runs/" + foreignId + "/" + operation, "{}"), 404);
    }
    assertThat(foreign.describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    foreign.terminate("test over");
  }

  @Test
  void adminsManageTokensWhoseSecretIsShownOnce() {
    HttpResponse<String> created =
        api.send(ADMIN_TOKEN, "POST", "/api/tokens", "{\"name\": \"ci\", \"role\": \"operator\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode issued = JSON.readTree(created.body());
    String token = issued.get("token").asString();
    assertThat(token).startsWith("apisync_").hasSizeGreaterThan(40);
    assertThat(issued.get("role").asString()).isEqualTo("operator");

    HttpResponse<String> list = api.send(ADMIN_TOKEN, "GET", "/api/tokens", null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"ci\"").doesNotContain(token).doesNotContain("hash");
    Long stored =
        JdbcClient.create(dataSource)
            .sql("SELECT count(*) FROM api_token WHERE token_hash = sha256(convert_to(?, 'UTF8'))")
            .param(token)
            .query(Long.class)
            .single();
    assertThat(stored).isEqualTo(1);
    assertThat(api.send(token, "GET", "/api/configs", null).statusCode()).isEqualTo(200);

    long id = issued.get("id").asLong();
    assertThat(api.send(ADMIN_TOKEN, "DELETE", "/api/tokens/" + id, null).statusCode())
        .isEqualTo(204);
    problem(api.send(token, "GET", "/api/configs", null), 401);
    problem(api.send(ADMIN_TOKEN, "DELETE", "/api/tokens/" + id, null), 404);
  }

  @Test
  void aTokenRequestNamesItsBrokenFields() {
    HttpResponse<String> response =
        api.send(
            ADMIN_TOKEN, "POST", "/api/tokens", "{\"name\": \" \", \"role\": \"root\", \"x\": 1}");
    assertThat(dev.apisync.api.ApiCalls.errorFields(response)).containsExactly("x", "name", "role");
  }

  private String issue(String name, String role) {
    HttpResponse<String> created =
        api.send(
            ADMIN_TOKEN,
            "POST",
            "/api/tokens",
            "{\"name\": \"%s\", \"role\": \"%s\"}".formatted(name, role));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("token").asString();
  }

  private HttpResponse<String> call(String token, String endpoint, String body) {
    String method = endpoint.substring(0, endpoint.indexOf(' '));
    String path = endpoint.substring(endpoint.indexOf(' ') + 1);
    boolean hasBody = method.equals("POST") || method.equals("PUT");
    return api.send(token, method, path, hasBody ? body : null);
  }
}
