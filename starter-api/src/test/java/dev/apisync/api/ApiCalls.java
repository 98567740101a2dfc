package dev.apisync.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls to the API under test over real HTTP, with or without a bearer token. */
public final class ApiCalls {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;

  public ApiCalls(int port) {
    this.port = port;
  }

  /** A JSON call: {@code Content-Type: application/json} when there is a body. */
  public HttpResponse<String> send(String token, String method, String path, String body) {
    return send(token, method, path, body == null ? null : "application/json", body);
  }

  /**
   * @param token the bearer token, or null for none
   * @param contentType the Content-Type header, or null for none
   * @param body the body, or null for none
   */
  public HttpResponse<String> send(
      String token, String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json, application/problem+json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** Asserts an RFC 9457 problem with this status, and returns it. */
  public static JsonNode problem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("dev.apisync").doesNotContain("Exception");
    return problem;
  }

  /** The {@code field} of each of a 400 problem's errors. */
  public static java.util.List<String> errorFields(HttpResponse<String> response) {
    JsonNode problem = problem(response, 400);
    return java.util.stream.StreamSupport.stream(problem.get("errors").spliterator(), false)
        .map(error -> error.get("field").asString())
        .toList();
  }
}
