package dev.apisync.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.api.ApiTestContext;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The remote codec endpoint over real HTTP, as the Temporal Web UI calls it from a browser. */
class CodecApiTest extends ApiTestContext {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String UI = ApiTestContext.WEB_UI_ORIGIN;

  @Autowired DataConverter mainDataConverter;

  @Test
  void decodesWhatTheAppsEncryptedBackToTheOriginalPayload() throws Exception {
    Payload sealed = mainDataConverter.toPayload("Marker record 42").orElseThrow();
    assertThat(sealed.getData().toStringUtf8()).doesNotContain("Marker");

    HttpResponse<String> response = post("/codec/decode", UI, body(sealed));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode payload = JSON.readTree(response.body()).get("payloads").get(0);
    assertThat(text(payload.get("metadata").get("encoding"))).isEqualTo("json/plain");
    assertThat(text(payload.get("data"))).isEqualTo("\"Marker record 42\"");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI);
  }

  @Test
  void encodesWithTheCurrentKeyAndDecodesItBack() throws Exception {
    Payload plain = DefaultDataConverter.STANDARD_INSTANCE.toPayload("round trip").orElseThrow();

    HttpResponse<String> encoded = post("/codec/encode", UI, body(plain));

    JsonNode sealed = JSON.readTree(encoded.body()).get("payloads").get(0);
    assertThat(text(sealed.get("metadata").get("encoding"))).isEqualTo("binary/encrypted");
    assertThat(text(sealed.get("metadata").get("encryption-key-id"))).isEqualTo("k2");
    HttpResponse<String> decoded = post("/codec/decode", UI, encoded.body());
    JsonNode payload = JSON.readTree(decoded.body()).get("payloads").get(0);
    assertThat(text(payload.get("data"))).isEqualTo("\"round trip\"");
  }

  @Test
  void letsTheWebUiOriginInAndNoOther() throws Exception {
    assertThat(preflight(UI).statusCode()).isEqualTo(200);
    assertThat(preflight(UI).headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI);
    assertThat(preflight(UI).headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .containsIgnoringCase("x-namespace");
    assertThat(preflight("http://evil.example.test").statusCode()).isEqualTo(403);
  }

  @Test
  void aBodyThatIsNotPayloadsIsA400NamingPayloads() throws Exception {
    HttpResponse<String> response = post("/codec/decode", UI, "{\"payloads\": 7}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("payloads");
  }

  private static String body(Payload payload) {
    return "{\"payloads\":[{\"metadata\":{"
        + payload.getMetadataMap().entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\":\"" + base64(e.getValue().toByteArray()) + "\"")
            .reduce((a, b) -> a + "," + b)
            .orElse("")
        + "},\"data\":\""
        + base64(payload.getData().toByteArray())
        + "\"}]}";
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String text(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asString()));
  }

  private HttpResponse<String> post(String path, String origin, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Content-Type", "application/json")
            .header("X-Namespace", "default")
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> preflight(String origin) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/codec/decode"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type,x-namespace")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
