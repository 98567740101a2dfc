package dev.apisync.api.configs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.api.ApiTestContext;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The config API over real HTTP, with both databases real (and fresh) PostgreSQL. */
class ConfigApiTest extends ApiTestContext {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final String VALID =
      """
      {
        "name": "Partners to CRM",
        "model": "res.partner",
        "filterDomain": "[('customer_rank', '>', 0)]",
        "requestUrl": "https://crm.example.com/api/partners/{external_id}",
        "httpMethod": "PUT",
        "auth": {"type": "basic", "login": "odoo", "password": "pa55-word"},
        "headers": [{"key": "X-Tenant", "value": "acme"}],
        "lines": [
          {"field": "id", "externalKey": "external_id", "isIdentifier": true},
          {"field": "name", "externalKey": "name"},
          {"field": "parent_id.name", "externalKey": "company.name", "valueType": "plain"}
        ],
        "retry": {"maxAttempts": 3, "initialInterval": 0.5, "maxInterval": 30}
      }
      """;

  @Autowired ConfigStore store;
  @Autowired WorkflowClient workflows;

  @BeforeEach
  void noConfigs() {
    deleteConfigs();
  }

  @Test
  void createsAConfigAndReadsItBackWithoutSecrets() throws Exception {
    HttpResponse<String> created = send("POST", "/api/configs", VALID);

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = JSON.readTree(created.body());
    long id = body.get("id").asLong();
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/api/configs/" + id));
    assertThat(created.body()).doesNotContain("pa55-word").doesNotContain("\"password\"");
    assertThat(body.get("auth").toString())
        .isEqualTo("{\"type\":\"basic\",\"login\":\"odoo\",\"passwordSet\":true}");

    HttpResponse<String> read = send("GET", "/api/configs/" + id, null);

    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode config = JSON.readTree(read.body());
    assertThat(read.body()).doesNotContain("pa55-word");
    assertThat(config.get("name").asString()).isEqualTo("Partners to CRM");
    assertThat(config.get("httpMethod").asString()).isEqualTo("PUT");
    assertThat(config.get("connectTimeout").asInt()).isEqualTo(5);
    assertThat(config.get("readTimeout").asInt()).isEqualTo(15);
    assertThat(config.get("pageSize").asInt()).isEqualTo(100);
    assertThat(config.get("concurrency").asInt()).isEqualTo(1);
    assertThat(config.get("enabled").asBoolean()).isTrue();
    assertThat(config.get("language").asString()).isEqualTo("en_US");
    assertThat(config.get("retry").toString())
        .isEqualTo(
            "{\"maxAttempts\":3,\"initialInterval\":0.5,\"backoffCoefficient\":2.0,\"maxInterval\":30.0}");
    assertThat(config.get("lines").get(0).get("isIdentifier").asBoolean()).isTrue();
    assertThat(config.get("lines").get(2).get("externalKey").asString()).isEqualTo("company.name");
    assertThat(config.get("headers").toString())
        .isEqualTo("[{\"key\":\"X-Tenant\",\"value\":\"acme\"}]");
    assertThat(ids(send("GET", "/api/configs", null))).containsExactly(id);
    assertThat(store.credentials(id).auth().secret()).isEqualTo("pa55-word");
  }

  @Test
  void refusesAConfigWithSeveralBrokenFieldsListingEachAndStoresNothing() throws Exception {
    ObjectNode broken = valid();
    broken.put("model", "res.partnr");
    broken.put("httpMethod", "GET,POST");
    broken.put("requestUrl", "/partners");
    broken.put("connectTimeout", 0);
    ((ObjectNode) broken.get("lines").get(1)).put("isIdentifier", true);

    HttpResponse<String> response = send("POST", "/api/configs", broken.toString());

    assertProblem(response, 400, "Invalid sync config");
    assertThat(errorFields(response))
        .contains("model", "httpMethod", "requestUrl", "connectTimeout", "lines[1].isIdentifier");
    assertThat(ids(send("GET", "/api/configs", null))).isEmpty();
  }

  @Test
  void refusesPythonThatDoesNotCompileNamingScriptAndLine() throws Exception {
    ObjectNode broken = valid();
    broken.put("requestScript", "total = len(records)\nresult = total +* 2\n");
    broken.put("scriptTimeout", 90);
    ((ArrayNode) broken.get("lines"))
        .addObject()
        .put("externalKey", "greeting")
        .put("valueType", "python")
        .put("expression", "'Hi ' + record.name +");

    HttpResponse<String> response = send("POST", "/api/configs", broken.toString());

    assertProblem(response, 400, "Invalid sync config");
    JsonNode errors = JSON.readTree(response.body()).get("errors");
    assertThat(
            StreamSupport.stream(errors.spliterator(), false)
                .map(e -> e.get("field").asString() + ": " + e.get("message").asString()))
        .containsExactlyInAnyOrder(
            "lines[3].expression: Python syntax error: line 1: invalid syntax",
            "requestScript: Python syntax error: line 2: invalid syntax",
            "scriptTimeout: must be between 1 and 60 seconds (got 90)");
  }

  @Test
  void acceptsAPythonValuedDomainAndReturnsTheScriptTimeout() throws Exception {
    ObjectNode scripted = valid();
    scripted.put(
        "filterDomain",
        "[('name', '!=', (datetime.now() - timedelta(days=7)).strftime('%Y-%m-%d'))]");
    scripted.put("requestScript", "result = {'data': request_data, 'source': 'odoo'}");
    scripted.put("scriptTimeout", 10);

    JsonNode config = createAndReadBack(scripted);

    assertThat(config.get("scriptTimeout").asInt()).isEqualTo(10);
  }

  @Test
  void keepsTheCompanyAndRefusesCompanyRecordsOnWhereTheModelHasNoCompany() throws Exception {
    ObjectNode company = valid();
    company.put("companyId", 3);

    JsonNode config = createAndReadBack(company);

    assertThat(config.get("companyId").asLong()).isEqualTo(3);
    assertThat(config.get("companyRecordsOnly").asBoolean()).isFalse();

    ObjectNode broken = valid();
    broken.put("name", "company records");
    broken.put("companyId", 0);
    broken.put("companyRecordsOnly", true);
    HttpResponse<String> refused = send("POST", "/api/configs", broken.toString());

    assertProblem(refused, 400, "Invalid sync config");
    assertThat(errors(refused))
        .containsExactlyInAnyOrder(
            "companyId: must be a res_company id, at least 1 (omit for the main company)",
            "companyRecordsOnly: res.partner has no company_id field, so its records belong to no"
                + " company");
  }

  @Test
  void refusesADuplicateNameOnTheNameField() throws Exception {
    assertThat(send("POST", "/api/configs", VALID).statusCode()).isEqualTo(201);
    ObjectNode again = valid();
    again.put("name", "partners to crm");

    HttpResponse<String> response = send("POST", "/api/configs", again.toString());

    assertProblem(response, 400, "Invalid sync config");
    assertThat(errorFields(response)).containsExactly("name");
  }

  @Test
  void malformedJsonIsAProblemWithoutAStackTrace() throws Exception {
    HttpResponse<String> response = send("POST", "/api/configs", "{\"name\": \"x\", ");

    assertProblem(response, 400, "Malformed JSON");
    assertThat(JSON.readTree(response.body()).get("detail").asString())
        .startsWith("Unexpected end-of-input")
        .contains("line 1")
        .doesNotContain("Source")
        .doesNotContain("Feature");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at tools.");
    assertProblem(send("POST", "/api/configs", "[1, 2]"), 400, "Invalid sync config");
    assertThat(send("POST", "/api/configs", "[1, 2]").body()).doesNotContain("dev.apisync");
    assertProblem(send("POST", "/api/configs", ""), 400, "Missing request body");
  }

  @Test
  void aWrongJsonTypeNamesTheField() throws Exception {
    ObjectNode wrong = valid();
    wrong.put("connectTimeout", "five");

    HttpResponse<String> response = send("POST", "/api/configs", wrong.toString());

    assertProblem(response, 400, "Invalid sync config");
    assertThat(errors(response)).containsExactly("connectTimeout: expected a number");

    ObjectNode notABoolean = valid();
    ((ObjectNode) notABoolean.get("lines").get(1)).put("isIdentifier", "maybe");
    assertThat(errors(send("POST", "/api/configs", notABoolean.toString())))
        .containsExactly("lines[1].isIdentifier: expected true or false");

    ObjectNode fractional = valid();
    fractional.put("pageSize", 10.5);
    assertThat(errors(send("POST", "/api/configs", fractional.toString())))
        .containsExactly("pageSize: expected a whole number");
    assertThat(ids(send("GET", "/api/configs", null))).isEmpty();
  }

  @Test
  void unknownFieldsAreErrorsNotSilentlyDropped() throws Exception {
    ObjectNode typo = valid();
    typo.put("conectTimeout", 7);
    ((ObjectNode) typo.get("auth")).put("passwd", "x");

    HttpResponse<String> response = send("POST", "/api/configs", typo.toString());

    assertProblem(response, 400, "Invalid sync config");
    assertThat(errors(response))
        .containsExactlyInAnyOrder("conectTimeout: unknown field", "auth.passwd: unknown field");
  }

  @Test
  void putReplacesTheConfigAndKeepsAnOmittedSecret() throws Exception {
    long id = JSON.readTree(send("POST", "/api/configs", VALID).body()).get("id").asLong();
    // Send back what GET returned (read-only fields and all), with one change.
    ObjectNode edited = (ObjectNode) JSON.readTree(send("GET", "/api/configs/" + id, null).body());
    edited.put("name", "Partners v2");
    edited.put("readTimeout", 60);

    HttpResponse<String> response = send("PUT", "/api/configs/" + id, edited.toString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode replaced = JSON.readTree(response.body());
    assertThat(replaced.get("name").asString()).isEqualTo("Partners v2");
    assertThat(replaced.get("readTimeout").asInt()).isEqualTo(60);
    assertThat(replaced.get("auth").get("passwordSet").asBoolean()).isTrue();
    assertThat(store.credentials(id).auth().secret()).isEqualTo("pa55-word");
  }

  @Test
  void refusesTargetsOnInternalNetworksNamingRequestUrl() throws Exception {
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data",
            "http://localhost:" + port + "/api/configs",
            "http://10.0.0.1/")) {
      ObjectNode config = valid();
      config.put("requestUrl", url);

      HttpResponse<String> response = send("POST", "/api/configs", config.toString());

      assertProblem(response, 400, "Invalid sync config");
      assertThat(errors(response))
          .singleElement()
          .asString()
          .startsWith("requestUrl: ")
          .contains(" is a ", "targets on internal networks are refused unless allowed by")
          .contains("apisync.egress.allow");
    }
    assertThat(ids(send("GET", "/api/configs", null))).isEmpty();
  }

  @Test
  void movingAStoredPasswordToAnotherOriginNeedsItAgain() throws Exception {
    long id = JSON.readTree(send("POST", "/api/configs", VALID).body()).get("id").asLong();
    ObjectNode edited = (ObjectNode) JSON.readTree(send("GET", "/api/configs/" + id, null).body());
    edited.put("requestUrl", "https://collector.attacker.example/{external_id}");

    HttpResponse<String> response = send("PUT", "/api/configs/" + id, edited.toString());

    assertProblem(response, 400, "Invalid sync config");
    assertThat(errors(response))
        .containsExactly(
            "auth.password: required again: requestUrl now points at"
                + " https://collector.attacker.example:443 instead of https://crm.example.com:443,"
                + " and a stored secret is only sent to the origin it was entered for");
    assertThat(store.find(id).orElseThrow().config().requestUrl())
        .isEqualTo("https://crm.example.com/api/partners/{external_id}");

    ((ObjectNode) edited.get("auth")).put("password", "n3w-pa55");
    assertThat(send("PUT", "/api/configs/" + id, edited.toString()).statusCode()).isEqualTo(200);
    assertThat(store.credentials(id).auth().secret()).isEqualTo("n3w-pa55");
  }

  @Test
  void secretHeadersAreStoredButNeverReturned() throws Exception {
    ObjectNode config = valid();
    ArrayNode headers = config.putArray("headers");
    headers.addObject().put("key", "X-Shop-Token").put("value", "shop-s3cr3t").put("secret", true);
    headers.addObject().put("key", "X-Tenant").put("value", "acme");

    HttpResponse<String> created = send("POST", "/api/configs", config.toString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    HttpResponse<String> read = send("GET", "/api/configs/" + id, null);
    assertThat(created.body() + read.body() + send("GET", "/api/configs", null).body())
        .doesNotContain("shop-s3cr3t");
    assertThat(JSON.readTree(read.body()).get("headers").toString())
        .isEqualTo(
            "[{\"key\":\"X-Shop-Token\",\"secret\":true,\"valueSet\":true},"
                + "{\"key\":\"X-Tenant\",\"value\":\"acme\"}]");
    assertThat(
            JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM sync_config_header WHERE value LIKE '%shop-s3cr3t%'")
                .query(Integer.class)
                .single())
        .isZero();

    // Sending back what was read keeps the stored value.
    assertThat(send("PUT", "/api/configs/" + id, read.body()).statusCode()).isEqualTo(200);
    assertThat(store.credentials(id).headers().getFirst().value()).isEqualTo("shop-s3cr3t");
  }

  @Test
  void queryAndUserinfoSecretsAreMaskedInViewsAndTheRunSummary() throws Exception {
    String url = "https://odoo:pw-1@crm.example.com/api/partners/{external_id}?api_key=k-998877";
    ObjectNode config = valid();
    config.put("requestUrl", url);

    HttpResponse<String> created = send("POST", "/api/configs", config.toString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String masked = "https://***@crm.example.com/api/partners/{external_id}?api_key=***";
    long id = JSON.readTree(created.body()).get("id").asLong();
    HttpResponse<String> read = send("GET", "/api/configs/" + id, null);
    assertThat(JSON.readTree(read.body()).get("requestUrl").asString()).isEqualTo(masked);
    assertThat(created.body() + read.body() + send("GET", "/api/configs", null).body())
        .doesNotContain("k-998877")
        .doesNotContain("pw-1");

    assertThat(send("PUT", "/api/configs/" + id, read.body()).statusCode()).isEqualTo(200);
    assertThat(store.find(id).orElseThrow().config().requestUrl()).isEqualTo(url);

    HttpResponse<String> started =
        send("POST", "/api/configs/" + id + "/runs", "{\"dryRun\":true}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String workflowId = JSON.readTree(started.body()).get("workflowId").asString();
    String summary = workflows.newUntypedWorkflowStub(workflowId).describe().getStaticSummary();
    assertThat(summary)
        .contains("crm.example.com/api/partners/{external_id}")
        .doesNotContain("k-998877")
        .doesNotContain("pw-1");
  }

  @Test
  void aDisabledConfigRefusesRunsButNotDryRuns() throws Exception {
    ObjectNode disabled = valid();
    disabled.put("enabled", false);
    long id =
        JSON.readTree(send("POST", "/api/configs", disabled.toString()).body()).get("id").asLong();

    HttpResponse<String> run = send("POST", "/api/configs/" + id + "/runs", "{}");
    HttpResponse<String> dryRun = send("POST", "/api/configs/" + id + "/runs", "{\"dryRun\":true}");

    assertThat(run.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(run.body()).get("detail").asString())
        .endsWith("is disabled: enable it to start runs (a dry run is allowed)");
    assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(202);
  }

  @Test
  void anInvalidPutChangesNothing() throws Exception {
    long id = JSON.readTree(send("POST", "/api/configs", VALID).body()).get("id").asLong();
    ObjectNode broken = valid();
    broken.put("pageSize", 0);

    HttpResponse<String> response = send("PUT", "/api/configs/" + id, broken.toString());

    assertProblem(response, 400, "Invalid sync config");
    assertThat(errors(response)).containsExactly("pageSize: must be between 1 and 1000 (got 0)");
    assertThat(
            JSON.readTree(send("GET", "/api/configs/" + id, null).body()).get("pageSize").asInt())
        .isEqualTo(100);
  }

  @Test
  void unknownIdsAreNotFound() throws Exception {
    assertProblem(send("GET", "/api/configs/987654", null), 404, "Sync config not found");
    assertProblem(send("PUT", "/api/configs/987654", VALID), 404, "Sync config not found");
    assertProblem(send("DELETE", "/api/configs/987654", null), 404, "Sync config not found");
  }

  @Test
  void deleteRemovesTheConfig() throws Exception {
    long id = JSON.readTree(send("POST", "/api/configs", VALID).body()).get("id").asLong();

    assertThat(send("DELETE", "/api/configs/" + id, null).statusCode()).isEqualTo(204);

    assertProblem(send("GET", "/api/configs/" + id, null), 404, "Sync config not found");
  }

  @Test
  void deletingAConfigThatAnotherMapsThroughIsAConflict() throws Exception {
    long parents = JSON.readTree(send("POST", "/api/configs", VALID).body()).get("id").asLong();
    ObjectNode children = valid();
    children.put("name", "Contacts with company");
    children
        .withArray("lines")
        .addObject()
        .put("field", "parent_id")
        .put("externalKey", "parent")
        .put("valueType", "relational")
        .put("mappingConfig", parents);
    HttpResponse<String> created = send("POST", "/api/configs", children.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long child = JSON.readTree(created.body()).get("id").asLong();

    HttpResponse<String> response = send("DELETE", "/api/configs/" + parents, null);

    assertProblem(response, 409, "Sync config in use");
    assertThat(JSON.readTree(response.body()).get("usedBy").get(0).get("id").asLong())
        .isEqualTo(child);
    assertThat(send("GET", "/api/configs/" + parents, null).statusCode()).isEqualTo(200);
  }

  @Test
  void openApiDocumentsTheConfigApi() throws Exception {
    HttpResponse<String> docs = send("GET", "/v3/api-docs", null);

    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode paths = JSON.readTree(docs.body()).get("paths");
    assertThat(paths.has("/api/configs")).isTrue();
    assertThat(paths.has("/api/configs/{id}")).isTrue();
    assertThat(send("GET", "/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
  }

  @Test
  void flywayMigratesOnlyApisyncsOwnDatabase() {
    String tables =
        "SELECT count(to_regclass(t)) FROM unnest(ARRAY['sync_config', 'flyway_schema_history']) t";

    assertThat(JdbcClient.create(dataSource).sql(tables).query(Integer.class).single())
        .isEqualTo(2);
    assertThat(JdbcClient.create(sourceDatabase).sql(tables).query(Integer.class).single())
        .isZero();
  }

  @Test
  void incrementalNeedsAWriteDateColumnAndTheWatermarkIsSetAndReset() throws Exception {
    ObjectNode incremental = valid();
    incremental.put("incremental", true);
    HttpResponse<String> refused = send("POST", "/api/configs", incremental.toString());
    assertProblem(refused, 400, "Invalid sync config");
    assertThat(errorFields(refused)).containsExactly("incremental");

    long id = JSON.readTree(send("POST", "/api/configs", VALID).body()).get("id").asLong();
    JsonNode fresh = JSON.readTree(send("GET", "/api/configs/" + id, null).body());
    assertThat(fresh.get("incremental").asBoolean()).isFalse();
    assertThat(fresh.get("watermark").isNull()).isTrue();

    HttpResponse<String> set =
        send("POST", "/api/configs/" + id + "/watermark", "{\"value\": \"2026-11-29 10:00:00\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(JSON.readTree(set.body()).get("watermark").asString())
        .isEqualTo("2026-11-29T10:00:00.000000");
    HttpResponse<String> withOffset =
        send(
            "POST",
            "/api/configs/" + id + "/watermark",
            "{\"value\": \"2026-11-29T12:30:00.5+02:00\"}");
    assertThat(JSON.readTree(withOffset.body()).get("watermark").asString())
        .isEqualTo("2026-11-29T10:30:00.500000");

    HttpResponse<String> malformed =
        send("POST", "/api/configs/" + id + "/watermark", "{\"value\": \"yesterday\"}");
    assertProblem(malformed, 400, "Invalid sync config");
    assertThat(errorFields(malformed)).containsExactly("value");
    assertProblem(
        send("POST", "/api/configs/" + id + "/watermark", "{}"), 400, "Invalid sync config");

    HttpResponse<String> reset =
        send("POST", "/api/configs/" + id + "/watermark", "{\"value\": null}");
    assertThat(JSON.readTree(reset.body()).get("watermark").isNull()).isTrue();
    assertThat(send("POST", "/api/configs/987654/watermark", "{\"value\": null}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void triggersAreInstalledReadAndRemovedWithTheConfig() throws Exception {
    long id = JSON.readTree(send("POST", "/api/configs", VALID).body()).get("id").asLong();
    String triggers = "/api/configs/" + id + "/triggers";
    assertProblem(send("GET", triggers, null), 404, "No triggers");

    HttpResponse<String> unknownField =
        send("PUT", triggers, "{\"onUpdate\": true, \"watchFields\": [\"email\", \"mood\"]}");
    assertProblem(unknownField, 400, "Invalid sync config");
    assertThat(errorFields(unknownField)).containsExactly("watchFields[1]");

    HttpResponse<String> put =
        send(
            "PUT",
            triggers,
            "{\"onCreate\": true, \"onUpdate\": true, \"onDelete\": true,"
                + " \"watchFields\": [\"email\"]}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode read = JSON.readTree(send("GET", triggers, null).body());
    assertThat(read.get("onDelete").asBoolean()).isTrue();
    assertThat(read.get("watchFields").toString()).isEqualTo("[\"email\"]");
    assertThat(sourceObjects()).isEqualTo(3); // schema, function, trigger

    assertThat(send("DELETE", "/api/configs/" + id, null).statusCode()).isEqualTo(204);
    assertThat(sourceObjects()).isZero();
  }

  /** apisync's schema, functions and triggers in the source database. */
  private static int sourceObjects() {
    return JdbcClient.create(sourceDatabase)
        .sql(
            """
            SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = 'apisync')
              + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = 'apisync')
              + (SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'apisync%')
            """)
        .query(Integer.class)
        .single();
  }

  /** Creates {@code config}, asserting the API took it, and reads it back as the API shows it. */
  private JsonNode createAndReadBack(ObjectNode config) throws Exception {
    HttpResponse<String> created = send("POST", "/api/configs", config.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).get("id").asLong();
    return JSON.readTree(send("GET", "/api/configs/" + id, null).body());
  }

  private HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json, application/problem+json")
            .header("Authorization", "Bearer " + ADMIN_TOKEN);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ObjectNode valid() {
    return (ObjectNode) JSON.readTree(VALID);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String title) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isEqualTo(title);
  }

  private static List<String> errorFields(HttpResponse<String> response) {
    return StreamSupport.stream(JSON.readTree(response.body()).get("errors").spliterator(), false)
        .map(error -> error.get("field").asString())
        .toList();
  }

  private static List<String> errors(HttpResponse<String> response) {
    return StreamSupport.stream(JSON.readTree(response.body()).get("errors").spliterator(), false)
        .map(error -> error.get("field").asString() + ": " + error.get("message").asString())
        .toList();
  }

  private static List<Long> ids(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return StreamSupport.stream(JSON.readTree(response.body()).spliterator(), false)
        .map(config -> config.get("id").asLong())
        .toList();
  }
}
