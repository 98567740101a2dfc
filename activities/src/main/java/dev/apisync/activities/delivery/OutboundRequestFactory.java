package dev.apisync.activities.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apisync.activities.config.Header;
import dev.apisync.activities.config.TargetCredentials;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.DeliveryRequest;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.UrlTemplate;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Builds the one HTTP request a {@link DeliveryRequest} stands for (SPEC §2). Delivery and preview
 * both call {@link #build}, so a dry run shows exactly what a real run sends.
 *
 * <p>Header precedence, where the spec is silent: the auth header always wins over a custom header
 * of the same name; {@code Idempotency-Key} is always ours (a fixed custom value would make the
 * receiver drop every request after the first as a duplicate); a custom {@code Content-Type} or
 * {@code User-Agent} replaces our default.
 *
 * <p>A request script's result ({@link DeliveryRequest#scriptedBody()}) replaces the mapped body,
 * or, for GET, the object whose fields make the query string; URL placeholders are still filled
 * from the mapped record.
 */
final class OutboundRequestFactory {

  private static final String USER_AGENT = "apisync/" + version();
  private static final String CONTENT_TYPE = "Content-Type";
  private static final String JSON = "application/json";
  private static final String USER_AGENT_HEADER = "User-Agent";

  /**
   * @throws UnsendableRequestException when these records cannot be sent as configured (their
   *     records fail, the run goes on)
   * @throws ApplicationFailure non-retryable {@link FailureTypes#INVALID_CONFIG} when no record
   *     could be sent with this config (bad URL, a header value HTTP cannot carry)
   */
  OutboundRequest build(DeliveryRequest request, TargetCredentials credentials)
      throws UnsendableRequestException {
    requireRecordsFit(request);
    ConfigSnapshot config = request.config();
    HttpMethod method = config.httpMethod();
    UrlTemplate template = new UrlTemplate(config.requestUrl());

    String url = config.requestUrl();
    if (template.hasPlaceholders()) {
      MappedRecord record = onlyRecord(request, "URL placeholders are filled from one record");
      ObjectNode fields = MappedJson.parseObject(record);
      url = template.expand(placeholder -> valueFor(fields, placeholder, record.recordId()));
    }
    HttpUrl httpUrl = parseUrl(url);
    if (method == HttpMethod.GET) {
      MappedRecord record = onlyRecord(request, "GET carries one record in its query string");
      httpUrl = withQueryFrom(httpUrl, MappedJson.parseObject(queryRecord(request, record)));
    }

    boolean carriesBody =
        method != HttpMethod.GET && !(method == HttpMethod.DELETE && template.hasPlaceholders());
    String body = carriesBody ? body(request) : "";
    String idempotencyKey =
        IdempotencyKey.of(config.id(), request.recordIds(), method.name(), httpUrl, body);
    Headers headers = headers(credentials, !body.isEmpty(), idempotencyKey);
    return new OutboundRequest(request.recordIds(), method, httpUrl, headers, body);
  }

  /**
   * A placeholder's value in the mapped record.
   *
   * @throws UnsendableRequestException when the value is missing, null, empty or not a single
   *     value: sending anyway would hit the wrong resource (e.g. PUT to the collection)
   */
  private static String valueFor(ObjectNode record, String key, long recordId)
      throws UnsendableRequestException {
    JsonNode value = MappedJson.find(record, key).orElse(null);
    String problem;
    if (value == null) {
      problem = "is not in the mapped record";
    } else if (value.isNull()) {
      problem = "is null";
    } else if (value.isContainerNode()) {
      problem = "is an object or array, not a single value";
    } else if (MappedJson.text(value).isBlank()) {
      problem = "is empty";
    } else {
      return MappedJson.text(value);
    }
    throw new UnsendableRequestException(
        "URL placeholder {" + key + "} " + problem + " (record " + recordId + ")");
  }

  /** The request script's result when the config has one, else the mapped records. */
  private static String body(DeliveryRequest request) {
    return request.scriptedBody().isEmpty()
        ? MappedJson.body(request.records(), request.asArray())
        : request.scriptedBody();
  }

  /** What a GET's query string is built from: the script's result (an object) or the record. */
  private static MappedRecord queryRecord(DeliveryRequest request, MappedRecord record) {
    return request.scriptedBody().isEmpty()
        ? record
        : new MappedRecord(record.recordId(), request.scriptedBody());
  }

  private static void requireRecordsFit(DeliveryRequest request) {
    int count = request.records().size();
    if (count == 0 || (!request.asArray() && count != 1)) {
      throw new IllegalArgumentException(
          "a delivery carries one record, or a page when asArray; got " + count);
    }
  }

  private static MappedRecord onlyRecord(DeliveryRequest request, String why)
      throws UnsendableRequestException {
    if (request.records().size() != 1) {
      throw new UnsendableRequestException(
          why
              + ", but this page has "
              + request.records().size()
              + " records: turn pagination off for this config");
    }
    return request.records().getFirst();
  }

  private static HttpUrl parseUrl(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw invalidConfig("requestUrl is not an absolute http(s) URL: " + url);
    }
    return parsed;
  }

  /** Top-level values in record order; null values are left out, containers sent as JSON text. */
  private static HttpUrl withQueryFrom(HttpUrl url, ObjectNode record) {
    HttpUrl.Builder builder = url.newBuilder();
    for (Map.Entry<String, JsonNode> field : record.properties()) {
      if (!field.getValue().isNull()) {
        builder.addQueryParameter(field.getKey(), MappedJson.text(field.getValue()));
      }
    }
    return builder.build();
  }

  private static Headers headers(
      TargetCredentials credentials, boolean hasBody, String idempotencyKey) {
    Optional<AuthHeader> auth = AuthHeader.of(credentials.auth());
    List<Header> custom =
        credentials.headers().stream()
            .filter(h -> auth.isEmpty() || !auth.get().hasName(h.key()))
            .filter(h -> !IdempotencyKey.HEADER.equalsIgnoreCase(h.key()))
            .toList();

    Headers.Builder headers = new Headers.Builder();
    if (custom.stream().noneMatch(h -> USER_AGENT_HEADER.equalsIgnoreCase(h.key()))) {
      headers.add(USER_AGENT_HEADER, USER_AGENT);
    }
    if (hasBody && custom.stream().noneMatch(h -> CONTENT_TYPE.equalsIgnoreCase(h.key()))) {
      headers.add(CONTENT_TYPE, JSON);
    }
    for (Header header : custom) {
      add(headers, header.key(), header.value(), "custom header");
    }
    auth.ifPresent(a -> add(headers, a.name(), a.value(), "auth header"));
    headers.add(IdempotencyKey.HEADER, idempotencyKey);
    return headers.build();
  }

  /**
   * OkHttp's own message may quote the value, which can be a secret; ours names the header only.
   */
  private static void add(Headers.Builder headers, String name, String value, String what) {
    try {
      headers.add(name, value);
    } catch (IllegalArgumentException e) {
      throw invalidConfig(
          what
              + " '"
              + name
              + "' has a name or value HTTP cannot carry (empty, non-ASCII or a line break)");
    }
  }

  private static ApplicationFailure invalidConfig(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureTypes.INVALID_CONFIG);
  }

  private static String version() {
    String version = OutboundRequestFactory.class.getPackage().getImplementationVersion();
    return version == null ? "0.1" : version;
  }
}
