package dev.apisync.api.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.api.ApiTestContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code GET /api/runs} where Temporal cannot list runs, over real HTTP. */
class RunListApiTest extends ApiTestContext {

  @Test
  void aTemporalWithoutVisibilityIsA503SayingWhatToRegister() throws Exception {
    // The in-memory test server implements no visibility query, as a cluster without apisync's
    // search attributes cannot answer one.
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/runs"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains(
            "Run listing unavailable",
            "ApiSyncConfigId (Int)",
            "register apisync's search attributes");
  }
}
