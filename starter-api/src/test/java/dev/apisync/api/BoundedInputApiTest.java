package dev.apisync.api;

import static dev.apisync.api.ApiCalls.JSON;
import static dev.apisync.api.ApiCalls.errorFields;
import static dev.apisync.api.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bounded input (issue 8 §5) over real HTTP: each bound answers 400 naming the field, and hand
 * operations need {@code Content-Type: application/json}.
 */
class BoundedInputApiTest extends ApiTestContext {

  private ApiCalls api;

  @BeforeEach
  void noConfigs() {
    api = new ApiCalls(port);
    deleteConfigs();
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedWithOrWithoutALength() {
    String big = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}";
    assertThat(errorFields(api.send(ADMIN_TOKEN, "POST", "/api/configs", big)))
        .containsExactly("body");
    // Chunked: no Content-Length to judge by, so the bound applies while reading.
    HttpResponse<String> chunked =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/configs"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build());
    assertThat(errorFields(chunked)).containsExactly("body");
  }

  @Test
  void configBoundsNameTheirFields() {
    ObjectNode nul = config();
    nul.put("name", "bad\u0000name");
    assertThat(errorFields(create(nul))).containsExactly("name");

    ObjectNode cyrillicHeader = config();
    cyrillicHeader.putArray("headers").addObject().put("key", "X-City").put("value", "Київ");
    assertThat(errorFields(create(cyrillicHeader))).containsExactly("headers[0].value");

    ObjectNode bigScript = config();
    bigScript.put("requestScript", "x = 1\n" + "#".repeat(70_000));
    assertThat(errorFields(create(bigScript))).containsExactly("requestScript");

    ObjectNode slow = config();
    slow.put("rateLimit", 0.001);
    assertThat(errorFields(create(slow))).containsExactly("rateLimit");

    ObjectNode deep = config();
    deep.put("filterDomain", "[" + "'!', ".repeat(100) + "('id', '>', 0)]");
    assertThat(errorFields(create(deep))).containsExactly("filterDomain");

    ObjectNode manyHeaders = config();
    for (int i = 0; i < 51; i++) {
      manyHeaders.withArray("headers").addObject().put("key", "X-H" + i).put("value", "v");
    }
    assertThat(errorFields(create(manyHeaders))).containsExactly("headers");

    assertThat(create(config()).statusCode()).isEqualTo(201);
  }

  @Test
  void atMostTenThousandRecordIdsPerRun() {
    long id = JSON.readTree(create(config()).body()).get("id").asLong();
    String ids =
        LongStream.rangeClosed(1, 10_001)
            .mapToObj(Long::toString)
            .collect(Collectors.joining(",", "{\"recordIds\": [", "]}"));
    assertThat(errorFields(api.send(ADMIN_TOKEN, "POST", "/api/configs/" + id + "/runs", ids)))
        .containsExactly("recordIds");
    assertThat(
            errorFields(
                api.send(
                    ADMIN_TOKEN,
                    "POST",
                    "/api/configs/" + id + "/runs",
                    "{\"recordIds\": [1, null]}")))
        .containsExactly("recordIds[1]");
  }

  @Test
  void aNulInAQueryParameterNamesTheParameter() {
    assertThat(errorFields(api.send(ADMIN_TOKEN, "GET", "/api/runs?status=RUN%00NING", null)))
        .containsExactly("status");
    // In the path, Tomcat itself refuses it before the app sees the request.
    assertThat(api.send(ADMIN_TOKEN, "GET", "/api/runs/sync-1%00x", null).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aMalformedQueryOrAMultipartBodyIsRefusedNotAServerError() {
    assertThat(errorFields(api.send(ADMIN_TOKEN, "GET", "/api/runs?=0", null)))
        .containsExactly("query");
    assertThat(
            api.send(ADMIN_TOKEN, "GET", "/api/configs", "multipart/form-data", null).statusCode())
        .isEqualTo(200);
    problem(api.send(ADMIN_TOKEN, "POST", "/api/tokens", "multipart/form-data", "x"), 415);
  }

  @Test
  void handOperationsNeedJsonSoAFormCannotFireThem() {
    long id = JSON.readTree(create(config()).body()).get("id").asLong();
    String start = "/api/configs/" + id + "/runs";
    for (String type : new String[] {null, "application/x-www-form-urlencoded", "text/plain"}) {
      problem(api.send(ADMIN_TOKEN, "POST", start, type, type == null ? null : "a=b"), 415);
      problem(api.send(ADMIN_TOKEN, "POST", start, type, null), 415);
      problem(api.send(ADMIN_TOKEN, "POST", "/api/runs/sync-1-x/cancel", type, null), 415);
    }
    // With JSON, an empty body or {} will do.
    assertThat(api.send(ADMIN_TOKEN, "POST", start, "application/json", "").statusCode())
        .isEqualTo(202);
    assertThat(api.send(ADMIN_TOKEN, "POST", start, "application/json", "{}").statusCode())
        .isEqualTo(202);
  }

  @Test
  void theOpenApiDocumentTellsClientsToSendJsonToHandOperations() {
    var paths =
        JSON.readTree(api.send(ADMIN_TOKEN, "GET", "/v3/api-docs", null).body()).get("paths");
    for (String operation : new String[] {"cancel", "terminate", "retry", "retry-failed"}) {
      var body = paths.get("/api/runs/{workflowId}/" + operation).get("post").get("requestBody");
      assertThat(body.get("content").has("application/json")).as(operation).isTrue();
      assertThat(body.path("required").asBoolean(false)).as(operation).isFalse();
    }
  }

  private HttpResponse<String> create(ObjectNode config) {
    return api.send(ADMIN_TOKEN, "POST", "/api/configs", config.toString());
  }

  private static ObjectNode config() {
    return (ObjectNode) JSON.readTree(partnersConfig());
  }
}
