package dev.apisync.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.api.ApiCalls;
import dev.apisync.api.ApiTestContext;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The console's pickers and live count, over real HTTP on the sample source (no ir_model). */
class CatalogApiTest extends ApiTestContext {

  private ApiCalls calls;

  @BeforeEach
  void client() {
    calls = new ApiCalls(port);
  }

  @Test
  void listsTheModelsAndWalksAFieldsRelation() {
    JsonNode models = ok("/api/catalog/models");
    assertThat(models.findValuesAsString("name")).contains("res.partner", "res.country");

    JsonNode fields = ok("/api/catalog/models/res.partner/fields");
    JsonNode parent = field(fields, "parent_id");
    assertThat(parent.get("type").asString()).isEqualTo("many2one");
    assertThat(parent.get("relatedModel").asString()).isEqualTo("res.partner");
    assertThat(parent.get("label").asString()).isEqualTo("Parent");
    JsonNode country = field(fields, "country_id");
    assertThat(country.get("relatedModel").asString()).isEqualTo("res.country");
    JsonNode code = field(ok("/api/catalog/models/res.country/fields"), "code");
    assertThat(code.get("type").asString()).isEqualTo("character varying");
    assertThat(code.get("relatedModel").asString()).isEmpty();
  }

  @Test
  void countsWhatADomainSelectsNow() {
    assertThat(ok(count("[]")).get("count").asLong()).isEqualTo(2);
    JsonNode customers = ok(count("[('customer_rank', '>', 0)]"));
    assertThat(customers.get("count").asLong()).isEqualTo(1);
    assertThat(customers.get("firstIds").toString()).isEqualTo("[1]");
  }

  @Test
  void aMalformedDomainIsRefusedAtItsPositionAndAnUnknownModelIsNotFound() {
    HttpResponse<String> malformed = get(count("[('customer_rank', '>' 0)]"));
    assertThat(malformed.statusCode()).isEqualTo(400);
    JsonNode error = ApiCalls.JSON.readTree(malformed.body()).get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("filterDomain");
    assertThat(error.get("message").asString()).startsWith("malformed domain at position 24");

    HttpResponse<String> unknownField = get(count("[('shoe_size', '=', 42)]"));
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(unknownField.body()).contains("shoe_size");

    HttpResponse<String> unknown = get("/api/catalog/models/no.such/fields");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(ApiCalls.JSON.readTree(unknown.body()).get("detail").asString())
        .isEqualTo("The source has no model 'no.such'");
  }

  private static String count(String domain) {
    return "/api/catalog/models/res.partner/count?domain="
        + URLEncoder.encode(domain, StandardCharsets.UTF_8);
  }

  private static JsonNode field(JsonNode fields, String name) {
    for (JsonNode field : fields) {
      if (field.get("name").asString().equals(name)) {
        return field;
      }
    }
    throw new AssertionError("no field " + name + " in " + fields);
  }

  private HttpResponse<String> get(String path) {
    return calls.send(ADMIN_TOKEN, "GET", path, null);
  }

  private JsonNode ok(String path) {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ApiCalls.JSON.readTree(response.body());
  }
}
