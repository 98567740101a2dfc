package dev.apisync.activities.delivery;

import dev.apisync.activities.config.CredentialsLookup;
import dev.apisync.activities.config.TargetCredentials;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.DeliveryActivities;
import dev.apisync.workflows.DeliveryRequest;
import dev.apisync.workflows.DeliveryResult;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RequestPreview;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import okhttp3.Headers;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Sends mapped records to a config's target (SPEC §7). Credentials are looked up by config id at
 * send time, so they never enter Temporal history.
 */
public class DeliveryActivitiesImpl implements DeliveryActivities {

  private static final Logger log = LoggerFactory.getLogger(DeliveryActivitiesImpl.class);

  private final CredentialsLookup credentialsLookup;
  private final TargetClients clients;
  private final OutboundRequestFactory requests = new OutboundRequestFactory();

  public DeliveryActivitiesImpl(CredentialsLookup credentialsLookup, TargetClients clients) {
    this.credentialsLookup = credentialsLookup;
    this.clients = clients;
  }

  /**
   * @throws ApplicationFailure retryable, typed with the exception's simple name ({@code
   *     ConnectException}, {@code SocketTimeoutException}, ...) when no response came back
   */
  @Override
  public DeliveryResult deliver(DeliveryRequest request) {
    TargetCredentials credentials = credentialsFor(request.config());
    OutboundRequest outbound;
    try {
      outbound = requests.build(request, credentials);
    } catch (UnsendableRequestException e) {
      return allFailed(request.recordIds(), e.getMessage(), 0);
    }
    ResponseOutcome outcome = send(request.config(), outbound);
    // A status classifier (retry 408/425/429/5xx honouring Retry-After) slots in here.
    return outcome.isSuccess()
        ? new DeliveryResult(outbound.recordIds(), List.of(), outcome.status())
        : allFailed(outbound.recordIds(), outcome.failureReason(), outcome.status());
  }

  @Override
  public RequestPreview preview(DeliveryRequest request) {
    TargetCredentials credentials = credentialsFor(request.config());
    try {
      OutboundRequest outbound = requests.build(request, credentials);
      Headers shown = SecretRedactor.redactHeaders(outbound.headers(), credentials.auth());
      return new RequestPreview(
          outbound.recordIds(),
          outbound.method().name(),
          SecretRedactor.redactUrl(outbound.url()).toString(),
          asMap(shown),
          outbound.body());
    } catch (UnsendableRequestException e) {
      // RequestPreview cannot carry per-record failures, so the dry run learns of it this way.
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.INVALID_CONFIG);
    }
  }

  private TargetCredentials credentialsFor(ConfigSnapshot config) {
    try {
      return credentialsLookup.credentials(config.id());
    } catch (NoSuchElementException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "config " + config.id() + " no longer exists", FailureTypes.CONFIG_NOT_FOUND);
    }
  }

  private ResponseOutcome send(ConfigSnapshot config, OutboundRequest outbound) {
    String shownUrl = SecretRedactor.redactUrl(outbound.url()).toString();
    long started = System.nanoTime();
    try (Response response =
        clients.forConfig(config).newCall(outbound.toHttpRequest()).execute()) {
      ResponseOutcome outcome = ResponseOutcome.read(response);
      log.atLevel(outcome.isSuccess() ? Level.DEBUG : Level.INFO)
          .log(
              "delivery config={} method={} url={} status={} durationMs={} records={}",
              config.id(),
              outbound.method(),
              shownUrl,
              outcome.status(),
              millisSince(started),
              outbound.recordIds().size());
      return outcome;
    } catch (IOException e) {
      log.info(
          "delivery config={} method={} url={} error={} durationMs={} records={}",
          config.id(),
          outbound.method(),
          shownUrl,
          e.getClass().getSimpleName(),
          millisSince(started),
          outbound.recordIds().size());
      throw ApplicationFailure.newFailureWithCause(
          outbound.method() + " " + shownUrl + " got no response: " + e,
          e.getClass().getSimpleName(),
          e);
    }
  }

  private static DeliveryResult allFailed(List<Long> recordIds, String reason, int status) {
    List<RecordFailure> failures =
        recordIds.stream().map(id -> new RecordFailure(id, reason, status)).toList();
    return new DeliveryResult(List.of(), failures, status);
  }

  /** Repeated names (case-insensitive) are joined with ", ", as HTTP allows. */
  private static Map<String, String> asMap(Headers headers) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < headers.size(); i++) {
      map.merge(headers.name(i), headers.value(i), (a, b) -> a + ", " + b);
    }
    return map;
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
