package dev.apisync.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Creates the seed guide's "customers to CRM" config through the public REST API, once, so the dev
 * stack has something to run.
 */
final class DemoConfig {

  static final String NAME = "Customers to CRM";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoConfig() {}

  /** Returns the config's id, creating the config when the API has none of that name. */
  static long ensure(String apiUrl, String token, String targetUrl)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String list =
        http.send(
                HttpRequest.newBuilder(URI.create(apiUrl + "/api/configs"))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    for (JsonNode config : JSON.readTree(list)) {
      if (NAME.equals(config.path("name").asText())) {
        return config.path("id").asLong();
      }
    }
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(apiUrl + "/api/configs"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(targetUrl)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IOException("demo config refused: " + created.statusCode() + " " + created.body());
    }
    return JSON.readTree(created.body()).path("id").asLong();
  }

  private static String body(String targetUrl) {
    return """
        {
          "name": "%s",
          "model": "res.partner",
          "filterDomain": "[('customer_rank', '>', 0)]",
          "requestUrl": "%s",
          "httpMethod": "POST",
          "connectTimeout": 5,
          "readTimeout": 15,
          "auth": {"type": "bearer", "token": "sk_demo_abc123xyz789"},
          "headers": [
            {"key": "X-API-Version", "value": "2.0"},
            {"key": "X-Client-Id", "value": "odoo-integration"}
          ],
          "lines": [
            {"field": "name", "externalKey": "full_name", "valueType": "plain"},
            {"field": "email", "externalKey": "email_address", "valueType": "plain"},
            {"field": "phone", "externalKey": "contact_number", "valueType": "plain"},
            {"field": "id", "externalKey": "external_id", "valueType": "plain", "isIdentifier": true},
            {"field": "parent_id.name", "externalKey": "company_name", "valueType": "plain"}
          ],
          "paginated": true,
          "pageSize": 100
        }
        """
        .formatted(NAME, targetUrl);
  }
}
