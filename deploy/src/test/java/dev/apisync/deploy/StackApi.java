package dev.apisync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The REST API of a stack an IT started, called over real HTTP with a bearer token. */
final class StackApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;
  private final String token;

  StackApi(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** The absolute URL of a path on this API. */
  String url(String path) {
    return baseUrl + path;
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(authorized(path).GET());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return send(withJson(authorized(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> put(String path, String body) throws Exception {
    return send(withJson(authorized(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> delete(String path) throws Exception {
    return send(authorized(path).DELETE());
  }

  /** Creates {@code config} through the API, asserting it was accepted; its id. */
  long createConfig(JsonNode config) throws Exception {
    HttpResponse<String> response = post("/api/configs", config.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("id").asLong();
  }

  /** A POST as Odoo's webhook sends it: to a full URL, no Authorization header. */
  static HttpResponse<String> postAnonymously(String url, String body) throws Exception {
    return send(
        withJson(HttpRequest.newBuilder(URI.create(url)))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + token);
  }

  private static HttpRequest.Builder withJson(HttpRequest.Builder request) {
    return request.header("Content-Type", "application/json");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
