package dev.apisync.activities.config;

import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.RetrySettings;

/** Valid sync configs over {@link SampleSource}'s tables, for tests to start from. */
public final class SampleConfigs {

  private SampleConfigs() {}

  /**
   * The start of a config that POSTs {@code model}'s records to {@code requestUrl}: no lines yet.
   */
  public static SyncConfig.Builder posting(String name, String model, String requestUrl) {
    return SyncConfig.builder()
        .name(name)
        .model(model)
        .requestUrl(requestUrl)
        .httpMethod(HttpMethod.POST);
  }

  /** Partners to a POST endpoint, identified by id, no auth. */
  public static SyncConfig partners(String name) {
    return posting(name, "res.partner", "https://api.example.com/partners")
        .line(SyncConfig.Line.identifier("id", "external_id"))
        .line(SyncConfig.Line.plain("name", "name"))
        .line(SyncConfig.Line.plain("email", "contact.email"))
        .build();
  }

  /** A config with every field away from its default, basic auth and two headers. */
  public static SyncConfig everyField(String name) {
    return partners(name).toBuilder()
        .filterDomain("[('customer_rank', '>', 0)]")
        .requestUrl("https://api.example.com/partners/{external_id}")
        .httpMethod(HttpMethod.PUT)
        .connectTimeout(7)
        .readTimeout(30)
        .auth(new Auth.Basic("odoo", "s3cret-password"))
        .header("X-Tenant", "acme")
        .header("Accept", "application/json")
        .pageSize(50)
        .limit(500)
        .requestScript("result = {'data': request_data}")
        .retry(new RetrySettings(7, 500, 1.5, 30_000))
        .rateLimit(2.5)
        .concurrency(4)
        .enabled(false)
        .language("uk_UA")
        .build();
  }

  /** Countries, as the child config of a partner's relational country line. */
  public static SyncConfig countries(String name) {
    return posting(name, "res.country", "https://api.example.com/countries")
        .line(SyncConfig.Line.identifier("code", "code"))
        .line(SyncConfig.Line.plain("name", "name"))
        .build();
  }
}
