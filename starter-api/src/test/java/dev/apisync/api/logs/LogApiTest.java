package dev.apisync.api.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.requestlog.AttemptOutcome;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.api.ApiTestContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/logs} over real HTTP on a real (fresh) PostgreSQL. */
class LogApiTest extends ApiTestContext {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired RequestLog requestLog;

  @BeforeEach
  void emptyLog() {
    JdbcClient.create(dataSource).sql("DELETE FROM request_log").update();
  }

  @Test
  void rowsComeNewestFirstWithHeadersAsObjectsAndBodiesAsText() throws Exception {
    write("sync-1-a", 1, AttemptOutcome.SENT, 201);
    write("sync-1-a", 1, AttemptOutcome.ERROR, 0);

    HttpResponse<String> response = get("/api/logs");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode items = JSON.readTree(response.body()).get("items");
    assertThat(items).hasSize(2);
    JsonNode error = items.get(0);
    assertThat(error.get("outcome").asString()).isEqualTo("ERROR");
    assertThat(error.get("responseStatus").isNull()).isTrue();
    assertThat(error.get("responseHeaders").isNull()).isTrue();
    assertThat(error.get("error").asString()).isEqualTo("no response");
    JsonNode sent = items.get(1);
    assertThat(sent.get("id").asLong()).isLessThan(error.get("id").asLong());
    assertThat(sent.get("workflowId").asString()).isEqualTo("sync-1-a");
    assertThat(sent.get("configId").asLong()).isEqualTo(1);
    assertThat(sent.get("recordIds").toString()).isEqualTo("[7,8]");
    assertThat(sent.get("attempt").asInt()).isEqualTo(2);
    assertThat(sent.get("requestHeaders").get("Authorization").asString()).isEqualTo("***");
    assertThat(sent.get("requestBody").asString()).isEqualTo("[{\"id\":7},{\"id\":8}]");
    assertThat(sent.get("responseStatus").asInt()).isEqualTo(201);
    assertThat(sent.get("responseHeaders").get("X-Request-Id").asString()).isEqualTo("r-1");
    assertThat(sent.get("responseBody").asString()).isEqualTo("{\"ok\":true}");
    assertThat(sent.get("error").isNull()).isTrue();
    assertThat(sent.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(JSON.readTree(response.body()).get("nextBefore").isNull()).isTrue();
  }

  @Test
  void filtersByWorkflowConfigAndOutcome() throws Exception {
    write("sync-1-a", 1, AttemptOutcome.SENT, 200);
    write("sync-1-a", 1, AttemptOutcome.FAILED, 422);
    write("sync-2-b", 2, AttemptOutcome.RETRYING, 503);
    write("sync-2-b", 2, AttemptOutcome.ERROR, 0);

    assertThat(outcomes("/api/logs?workflowId=sync-1-a")).containsExactly("FAILED", "SENT");
    assertThat(outcomes("/api/logs?configId=2")).containsExactly("ERROR", "RETRYING");
    assertThat(outcomes("/api/logs?outcome=failed,ERROR")).containsExactly("ERROR", "FAILED");
    assertThat(outcomes("/api/logs?configId=1&outcome=RETRYING")).isEmpty();
  }

  @Test
  void filtersByRecordAndTimeRange() throws Exception {
    write("sync-1-a", 1, AttemptOutcome.SENT, 200);
    String now = java.time.Instant.now().plusSeconds(60).toString();
    String hourAgo = java.time.Instant.now().minusSeconds(3600).toString();

    assertThat(outcomes("/api/logs?recordId=8")).containsExactly("SENT");
    assertThat(outcomes("/api/logs?recordId=9")).isEmpty();
    assertThat(outcomes("/api/logs?recordId=7&from=" + hourAgo + "&to=" + now))
        .containsExactly("SENT");
    assertThat(outcomes("/api/logs?to=" + hourAgo)).isEmpty();
    assertThat(outcomes("/api/logs?from=" + now)).isEmpty();
  }

  @Test
  void keysetPagingWalksToTheOldestRow() throws Exception {
    for (int i = 0; i < 5; i++) {
      write("sync-1-a", 1, AttemptOutcome.SENT, 200);
    }

    JsonNode first = JSON.readTree(get("/api/logs?limit=2").body());
    long nextBefore = first.get("nextBefore").asLong();
    JsonNode second = JSON.readTree(get("/api/logs?limit=2&before=" + nextBefore).body());
    JsonNode third =
        JSON.readTree(get("/api/logs?limit=2&before=" + second.get("nextBefore").asLong()).body());

    assertThat(first.get("items")).hasSize(2);
    assertThat(nextBefore).isEqualTo(first.get("items").get(1).get("id").asLong());
    assertThat(second.get("items").get(0).get("id").asLong()).isLessThan(nextBefore);
    assertThat(third.get("items")).hasSize(1);
    assertThat(third.get("nextBefore").isNull()).isTrue();
  }

  @Test
  void badParametersAreRefusedNamingEachOne() throws Exception {
    assertRefused("/api/logs?limit=0", "limit");
    assertRefused("/api/logs?limit=501", "limit");
    assertRefused("/api/logs?limit=ten", "limit");
    assertRefused("/api/logs?configId=abc", "configId");
    assertRefused("/api/logs?before=-3", "before");
    assertRefused("/api/logs?outcome=LOST", "outcome");
    assertRefused("/api/logs?recordId=x", "recordId");
    assertRefused("/api/logs?from=yesterday", "from");
    assertRefused("/api/logs?to=2026-13-01", "to");

    JsonNode two = JSON.readTree(get("/api/logs?limit=0&outcome=LOST").body());
    assertThat(two.get("title").asString()).isEqualTo("Invalid parameters");
    assertThat(fields(two)).containsExactlyInAnyOrder("limit", "outcome");
  }

  private void write(String workflowId, long configId, AttemptOutcome outcome, int status) {
    boolean answered = status != 0;
    requestLog.record(
        new RequestLogEntry(
            workflowId,
            "run-1",
            configId,
            List.of(7L, 8L),
            2,
            "POST",
            "https://crm.example/p",
            Map.of("Authorization", "***", "Content-Type", "application/json"),
            "[{\"id\":7},{\"id\":8}]",
            status,
            answered ? Map.of("X-Request-Id", "r-1") : Map.of(),
            answered ? "{\"ok\":true}" : "",
            12,
            outcome,
            outcome == AttemptOutcome.SENT ? "" : answered ? "HTTP " + status : "no response"));
  }

  private List<String> outcomes(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> outcomes = new ArrayList<>();
    JSON.readTree(response.body())
        .get("items")
        .forEach(item -> outcomes.add(item.get("outcome").asString()));
    return outcomes;
  }

  private void assertRefused(String path, String parameter) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("title").asString()).isEqualTo("Invalid parameter");
    assertThat(fields(problem)).containsExactly(parameter);
    assertThat(problem.get("detail").asString()).startsWith(parameter + ": ");
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
    return fields;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json, application/problem+json")
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
