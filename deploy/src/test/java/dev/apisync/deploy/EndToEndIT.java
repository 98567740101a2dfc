package dev.apisync.deploy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole system over sockets: a real Temporal dev server, the worker and the REST API as two
 * Spring Boot apps, PostgreSQL with the Odoo-shaped demo data (1,000 partners), and MockWebServer
 * as the CRM. Driven only through the REST API, as a user would.
 */
class EndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Records the CRM refuses (422) while a test wants it to. */
  private static final java.util.Set<Long> REFUSED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** While set, the CRM takes this long over each answer: a slow target. */
  private static final java.util.concurrent.atomic.AtomicInteger SLOW_MILLIS =
      new java.util.concurrent.atomic.AtomicInteger();

  @AutoClose private static InProcessStack stack;

  @BeforeAll
  static void startTheSystem() throws IOException {
    stack =
        InProcessStack.start(
            "e2e",
            1_000,
            new Dispatcher() {
              @Override
              public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().utf8();
                boolean refused =
                    REFUSED.stream().anyMatch(id -> body.contains("\"external_id\":" + id + ","));
                return refused
                    ? new MockResponse.Builder().code(422).body("{\"error\":\"refused\"}").build()
                    : new MockResponse.Builder()
                        .code(200)
                        .body("{\"ok\":true}")
                        .headersDelay(SLOW_MILLIS.get(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .build();
              }
            },
            false);
  }

  /** Each test reads only the requests its own runs sent. */
  @BeforeEach
  void forgetEarlierRequests() throws InterruptedException {
    stack.forgetReceivedRequests();
  }

  @Test
  void customersToCrmDeliversEveryActiveCustomerOnceInArraysOfAHundred() throws Exception {
    List<Long> expected = stack.activeCustomerIds();
    long configId = stack.rest.createConfig(customersToCrm("customers paginated", true));

    JsonNode run = startRunAndWait(configId);

    assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(run.path("result").path("sent").asInt()).isEqualTo(expected.size());
    assertThat(run.path("result").path("failed").asInt()).isZero();
    int requests = (expected.size() + 99) / 100;
    List<JsonNode> bodies = received(requests);
    assertThat(stack.crm.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
    assertThat(bodies).allSatisfy(body -> assertThat(body.isArray()).isTrue());
    assertThat(externalIds(bodies)).containsExactlyElementsOf(expected);
    JsonNode first = bodies.getFirst().get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "full_name", "email_address", "contact_number", "external_id", "company_name");
  }

  @Test
  void unpaginatedItSendsOneObjectPerCustomer() throws Exception {
    List<Long> expected = stack.activeCustomerIds();
    long configId = stack.rest.createConfig(customersToCrm("customers one by one", false));

    JsonNode run = startRunAndWait(configId);

    assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(run.path("result").path("sent").asInt()).isEqualTo(expected.size());
    List<JsonNode> bodies = received(expected.size());
    assertThat(stack.crm.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
    assertThat(bodies).allSatisfy(body -> assertThat(body.isObject()).isTrue());
    assertThat(externalIds(bodies)).containsExactlyElementsOf(expected);
  }

  @Test
  void invalidConfigIsRefusedNamingEachFieldAndNothingIsStored() throws Exception {
    int configsBefore = JSON.readTree(stack.rest.get("/api/configs").body()).size();
    ObjectNode invalid = customersToCrm("broken", true);
    invalid.put("httpMethod", "GET,POST");
    invalid.put("requestUrl", "crm.example.com/customers");
    invalid.put("connectTimeout", 0);
    invalid.put("model", "res.nothing");

    HttpResponse<String> response = stack.rest.post("/api/configs", invalid.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    List<String> fields = new ArrayList<>();
    JSON.readTree(response.body())
        .path("errors")
        .forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).contains("httpMethod", "requestUrl", "connectTimeout", "model");
    assertThat(JSON.readTree(stack.rest.get("/api/configs").body()).size())
        .isEqualTo(configsBefore);
  }

  @Test
  void aRunCanBeReadWithTheTemporalCli() throws Exception {
    long configId = stack.rest.createConfig(customersToCrm("customers for the cli", true));
    JsonNode run = startRunAndWait(configId);
    String workflowId = run.path("workflowId").asText();

    Process describe =
        new ProcessBuilder(
                TemporalDevServer.findOnPath("temporal").orElseThrow().toString(),
                "workflow",
                "describe",
                "--address",
                stack.temporal.target(),
                "--workflow-id",
                workflowId)
            .redirectErrorStream(true)
            .start();
    String output = new String(describe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(describe.waitFor(30, SECONDS)).isTrue();
    assertThat(describe.exitValue()).as(output).isZero();
    assertThat(output)
        .contains(workflowId)
        .contains("SyncRunWorkflow")
        .containsIgnoringCase("completed");
  }

  /**
   * Temporal's stored history holds no record field and no secret, as {@code temporal workflow
   * show} prints it; pointed at the API's codec endpoint, the same command shows the records.
   */
  @Test
  void theHistoryIsEncryptedAndTheApisCodecEndpointDecodesIt() throws Exception {
    String password = "pa55-never-in-temporal";
    List<Long> three = stack.activeCustomerIds().stream().limit(12).toList().subList(6, 9);
    String email =
        JdbcClient.create(stack.odoo)
            .sql("SELECT email FROM res_partner WHERE id IN (:ids) AND email IS NOT NULL LIMIT 1")
            .param("ids", three)
            .query(String.class)
            .single();
    ObjectNode config = customersToCrm("customers, basic auth", true);
    config.putObject("auth").put("type", "basic").put("login", "crm").put("password", password);
    long configId = stack.rest.createConfig(config);
    JsonNode run = startRunAndWait(configId, "{\"recordIds\": " + three + "}");
    assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
    String workflowId = run.path("workflowId").asText();

    String raw = temporal("workflow", "show", "--workflow-id", workflowId, "--output", "json");
    String decoded =
        temporal(
            "workflow",
            "show",
            "--workflow-id",
            workflowId,
            "--output",
            "json",
            "--codec-endpoint",
            stack.rest.url("/codec"));

    // The payloads are there, sealed: their encoding is base64 of "binary/encrypted".
    assertThat(raw).contains("YmluYXJ5L2VuY3J5cHRlZA");
    assertThat(raw + base64Data(raw)).doesNotContain(email, password, "full_name");
    // Decoded, the config's lines are there; the records never were (a slice keeps them out of
    // history unless a request needs the workflow's retries), nor the password.
    assertThat(decoded + base64Data(decoded)).contains("full_name").doesNotContain(password, email);
  }

  /** The CLI's output with the given arguments, against the test's dev server. */
  private static String temporal(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(TemporalDevServer.findOnPath("temporal").orElseThrow().toString());
    command.addAll(List.of(arguments));
    command.addAll(List.of("--address", stack.temporal.target()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  /** Every base64 "data" value of the CLI's JSON, decoded: where payload bytes would show. */
  private static String base64Data(String json) {
    java.util.regex.Matcher data =
        java.util.regex.Pattern.compile("\"data\":\\s*\"([A-Za-z0-9+/=]+)\"").matcher(json);
    StringBuilder decoded = new StringBuilder();
    while (data.find()) {
      decoded
          .append(new String(java.util.Base64.getDecoder().decode(data.group(1)), UTF_8))
          .append('\n');
    }
    return decoded.toString();
  }

  @Test
  void runsAreListedAndCanBeRetriedWholeOrForTheirFailedRecordsOnly() throws Exception {
    List<Long> three = stack.activeCustomerIds().subList(0, 3);
    REFUSED.add(three.get(1));
    long configId = stack.rest.createConfig(customersToCrm("customers retried", false));
    JsonNode first = startRunAndWait(configId, "{\"recordIds\":" + three + "}");
    String workflowId = first.path("workflowId").asText();
    assertThat(first.path("result").path("failed").asInt()).isEqualTo(1);
    received(3);

    JsonNode listed = JSON.readTree(stack.rest.get("/api/runs?configId=" + configId).body());
    assertThat(listed.path("runs")).hasSize(1);
    assertThat(listed.path("runs").get(0).path("workflowId").asText()).isEqualTo(workflowId);
    assertThat(listed.path("runs").get(0).path("status").asText()).isEqualTo("COMPLETED");
    assertThat(listed.path("runs").get(0).path("progress").path("failed").asInt()).isEqualTo(1);

    REFUSED.clear();
    JsonNode failedOnly =
        awaitRun(stack.rest.post("/api/runs/" + workflowId + "/retry-failed", ""));
    assertThat(failedOnly.path("result").path("sent").asInt()).isEqualTo(1);
    assertThat(externalIds(received(1))).containsExactly(three.get(1));

    JsonNode whole = awaitRun(stack.rest.post("/api/runs/" + workflowId + "/retry", ""));
    assertThat(whole.path("result").path("sent").asInt()).isEqualTo(3);
    assertThat(externalIds(received(3))).containsExactlyElementsOf(three);

    HttpResponse<String> cancelClosed = stack.rest.post("/api/runs/" + workflowId + "/cancel", "");
    assertThat(cancelClosed.statusCode()).isEqualTo(409);
    assertThat(cancelClosed.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
  }

  /**
   * Issue 10 §3: a run terminated part way and retried continues after the last record it finished
   * (the answer says which), so the retry sends only the rest; together the two runs delivered
   * every customer.
   */
  @Test
  void aTerminatedRunRetriedContinuesWhereItStopped() throws Exception {
    List<Long> expected = stack.activeCustomerIds();
    long configId = stack.rest.createConfig(customersToCrm("customers, terminated", false));
    SLOW_MILLIS.set(20);
    HttpResponse<String> started = stack.rest.post("/api/configs/" + configId + "/runs", "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String workflowId = JSON.readTree(started.body()).path("workflowId").asText();
    // Two and a half pages: at least two are committed by the time the run is terminated.
    List<Long> delivered = new ArrayList<>(externalIds(received(250)));

    HttpResponse<String> terminated = stack.rest.post("/api/runs/" + workflowId + "/terminate", "");
    assertThat(terminated.statusCode()).as(terminated.body()).isEqualTo(202);
    SLOW_MILLIS.set(0);
    HttpResponse<String> retried = stack.rest.post("/api/runs/" + workflowId + "/retry", "");
    long resumedAfter = JSON.readTree(retried.body()).path("resumedAfterId").asLong();
    JsonNode retry = awaitRun(retried);

    assertThat(resumedAfter).isGreaterThanOrEqualTo(delivered.get(99));
    assertThat(retry.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(retry.path("result").path("sent").asInt())
        .isEqualTo((int) expected.stream().filter(id -> id > resumedAfter).count());
    RecordedRequest late;
    while ((late = stack.crm.takeRequest(1, SECONDS)) != null) {
      delivered.addAll(externalIds(List.of(JSON.readTree(late.getBody().utf8()))));
    }
    assertThat(delivered).containsAll(expected);
  }

  @Test
  void anUnknownRunIsANotFoundProblem() throws Exception {
    HttpResponse<String> response = stack.rest.get("/api/runs/sync-nothing-20260101T000000.000Z");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  /** The seed guide's example 1 with its field mapping table. */
  private static ObjectNode customersToCrm(String name, boolean paginated) {
    ObjectNode config = JSON.createObjectNode();
    config.put("name", name);
    config.put("model", "res.partner");
    config.put("filterDomain", "[('customer_rank', '>', 0)]");
    config.put("requestUrl", stack.crm.url("/api/customers").toString());
    config.put("httpMethod", "POST");
    config.putObject("auth").put("type", "bearer").put("token", "sk_live_abc123xyz789");
    config.putArray("headers").addObject().put("key", "X-API-Version").put("value", "2.0");
    var lines = config.putArray("lines");
    lines
        .addObject()
        .put("field", "name")
        .put("externalKey", "full_name")
        .put("valueType", "plain");
    lines
        .addObject()
        .put("field", "email")
        .put("externalKey", "email_address")
        .put("valueType", "plain");
    lines
        .addObject()
        .put("field", "phone")
        .put("externalKey", "contact_number")
        .put("valueType", "plain");
    lines
        .addObject()
        .put("field", "id")
        .put("externalKey", "external_id")
        .put("valueType", "plain")
        .put("isIdentifier", true);
    lines
        .addObject()
        .put("field", "parent_id.name")
        .put("externalKey", "company_name")
        .put("valueType", "plain");
    config.put("paginated", paginated);
    config.put("pageSize", 100);
    return config;
  }

  private static JsonNode startRunAndWait(long configId) throws Exception {
    return startRunAndWait(configId, "{}");
  }

  private static JsonNode startRunAndWait(long configId, String body) throws Exception {
    return awaitRun(stack.rest.post("/api/configs/" + configId + "/runs", body));
  }

  private static JsonNode awaitRun(HttpResponse<String> started) throws Exception {
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    JsonNode start = JSON.readTree(started.body());
    assertThat(start.path("workflowId").asText()).startsWith("sync-");
    assertThat(start.path("uiUrl").asText()).contains(start.path("workflowId").asText());
    HttpResponse<String> run =
        stack.rest.get("/api/runs/" + start.path("workflowId").asText() + "?waitSeconds=60");
    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    return JSON.readTree(run.body());
  }

  private static List<JsonNode> received(int count) throws Exception {
    List<JsonNode> bodies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RecordedRequest request = stack.crm.takeRequest(10, SECONDS);
      assertThat(request).as("request %d of %d", i + 1, count).isNotNull();
      assertThat(request.getHeaders().get("Authorization"))
          .isEqualTo("Bearer sk_live_abc123xyz789");
      bodies.add(JSON.readTree(request.getBody().utf8()));
    }
    return bodies;
  }

  private static List<Long> externalIds(List<JsonNode> bodies) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode body : bodies) {
      if (body.isArray()) {
        body.forEach(record -> ids.add(record.path("external_id").asLong()));
      } else {
        ids.add(body.path("external_id").asLong());
      }
    }
    return ids;
  }
}
