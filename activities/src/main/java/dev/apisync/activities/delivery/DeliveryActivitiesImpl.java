package dev.apisync.activities.delivery;

import dev.apisync.activities.config.CredentialsLookup;
import dev.apisync.activities.config.TargetCredentials;
import dev.apisync.activities.egress.EgressRefusedException;
import dev.apisync.activities.requestlog.RequestLog;
import dev.apisync.activities.requestlog.RequestLogEntry;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.DeliveryActivities;
import dev.apisync.workflows.DeliveryRequest;
import dev.apisync.workflows.DeliveryResult;
import dev.apisync.workflows.FailureDetails;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.OutageDetails;
import dev.apisync.workflows.RecordFailure;
import dev.apisync.workflows.RequestPreview;
import dev.apisync.workflows.TargetOutage;
import dev.apisync.workflows.UrlRedaction;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Sends mapped records to a config's target (SPEC §7): waits for the target's rate-limit slot,
 * sends, logs the attempt in the request log, and turns the answer into a result or a typed failure
 * (see {@link DeliveryActivities#deliver}). Credentials are looked up by config id at send time, so
 * they never enter Temporal history.
 *
 * <p>Long because one attempt's whole path reads best in order: build the request, ask the target's
 * circuit, wait for a rate-limit slot, send, and sort the answer into a result or a typed failure.
 */
public class DeliveryActivitiesImpl implements DeliveryActivities {

  private static final Logger log = LoggerFactory.getLogger(DeliveryActivitiesImpl.class);

  /**
   * The longest an attempt waits for its request-log row: well inside the margin the workflow gives
   * each attempt beyond its HTTP timeouts, so a slow store never times a delivered request out into
   * a retry.
   */
  static final Duration LOG_WAIT = Duration.ofSeconds(2);

  private final CredentialsLookup credentialsLookup;
  private final TargetClients clients;
  private final RequestLog requestLog;
  private final TargetRateLimiter rateLimiter;
  private final TargetCircuit circuit;
  private final int responseLogBytes;
  private final Clock clock;
  private final OutboundRequestFactory requests = new OutboundRequestFactory();

  /**
   * @param responseLogBytes how much of each answer the request log keeps ({@code
   *     apisync.logs.response-bytes})
   */
  public DeliveryActivitiesImpl(
      CredentialsLookup credentialsLookup,
      TargetClients clients,
      RequestLog requestLog,
      TargetRateLimiter rateLimiter,
      TargetCircuit circuit,
      int responseLogBytes) {
    this(
        credentialsLookup,
        clients,
        requestLog,
        rateLimiter,
        circuit,
        responseLogBytes,
        Clock.systemUTC());
  }

  /** Tests fix the clock that HTTP-date {@code Retry-After} values are measured against. */
  DeliveryActivitiesImpl(
      CredentialsLookup credentialsLookup,
      TargetClients clients,
      RequestLog requestLog,
      TargetRateLimiter rateLimiter,
      TargetCircuit circuit,
      int responseLogBytes,
      Clock clock) {
    if (responseLogBytes < 0) {
      throw new IllegalArgumentException("apisync.logs.response-bytes may not be negative");
    }
    this.credentialsLookup = credentialsLookup;
    this.clients = clients;
    this.requestLog = requestLog;
    this.rateLimiter = rateLimiter;
    this.circuit = circuit;
    this.responseLogBytes = responseLogBytes;
    this.clock = clock;
  }

  /**
   * @throws ApplicationFailure as {@link DeliveryActivities#deliver} describes: retryable {@link
   *     FailureTypes#RETRYABLE_HTTP} or typed with the exception's simple name ({@code
   *     ConnectException}, {@code SocketTimeoutException}, ...) when no response came back;
   *     retryable {@link FailureTypes#RATE_LIMITED}; non-retryable {@link
   *     FailureTypes#PERMANENT_HTTP} with the status as first detail and the attempt as second. A
   *     target the egress policy refuses is no failure of the activity: its records fail (status 0)
   *     with the reason, since no retry can change it. Non-retryable {@link
   *     FailureTypes#TARGET_UNAVAILABLE} when the target's circuit is open, with the outage and the
   *     attempts made before this one as details: this attempt is not charged.
   */
  @Override
  public DeliveryResult deliver(DeliveryRequest request) {
    ConfigSnapshot config = request.config();
    AttemptContext context =
        AttemptContext.current(clock.instant(), requestTime(config), request.priorAttempts());
    Attempted attempted = attempt(request, credentialsFor(config), context);
    attempted.logEntry().ifPresent(entry -> requestLog.recordWithin(entry, LOG_WAIT));
    if (attempted.outage().isPresent()) {
      throw unavailable(attempted.outage().get(), context.attempt() - 1);
    }
    if (attempted.failure().isPresent()) {
      throw attempted.failure().get();
    }
    return attempted.result().orElseThrow();
  }

  /**
   * A slice's one attempt at a request, outside Temporal's retries: as {@link #deliver}, but
   * nothing is logged or thrown; the caller writes the row and decides what comes next.
   *
   * @param maxWait the longest this attempt may wait for a rate-limit slot
   */
  public Attempted attemptOnce(
      DeliveryRequest request,
      TargetCredentials credentials,
      String workflowId,
      String runId,
      Duration maxWait) {
    Duration requestTime = requestTime(request.config());
    AttemptContext context =
        new AttemptContext(workflowId, runId, 1, clock.instant().plus(requestTime).plus(maxWait));
    return attempt(request, credentials, context);
  }

  /** The credentials a config's requests go with; looked up once per slice or delivery. */
  public TargetCredentials credentialsFor(ConfigSnapshot config) {
    try {
      return credentialsLookup.credentials(config.id());
    } catch (NoSuchElementException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "config " + config.id() + " no longer exists", FailureTypes.CONFIG_NOT_FOUND);
    }
  }

  private Attempted attempt(
      DeliveryRequest request, TargetCredentials credentials, AttemptContext context) {
    ConfigSnapshot config = request.config();
    OutboundRequest outbound;
    try {
      outbound = requests.build(request, credentials);
    } catch (UnsendableRequestException e) {
      return Attempted.of(allFailed(request.recordIds(), e.getMessage(), 0), null);
    }
    String origin = TargetRateLimiter.origin(outbound.url());
    TargetCircuit.Permit permit = circuit.permit(origin);
    if (!permit.mayGo()) {
      return Attempted.unavailable(unavailable(permit.outage(), 0), null, permit.outage());
    }
    try {
      awaitSlot(config, outbound, context);
    } catch (ApplicationFailure rateLimited) {
      return Attempted.failed(rateLimited, null);
    }
    Attempt attempt = new Attempt(config, outbound, credentials, context);
    String shownUrl = UrlRedaction.redact(outbound.url().toString());
    long started = System.nanoTime();
    ResponseOutcome response;
    try (Response answer = clients.forConfig(config).newCall(outbound.toHttpRequest()).execute()) {
      response = ResponseOutcome.read(answer, responseLogBytes);
    } catch (EgressRefusedException e) {
      log.warn(
          "delivery config={} method={} url={} refused before connecting: {} records={}",
          config.id(),
          outbound.method(),
          shownUrl,
          e.getMessage(),
          outbound.recordIds().size());
      // No retry can change the policy's answer: the records fail, not the activity.
      return Attempted.of(
          allFailed(outbound.recordIds(), e.getMessage(), 0),
          attempt.refused(millisSince(started), e.getMessage()));
    } catch (IOException e) {
      long durationMs = millisSince(started);
      log.info(
          "delivery config={} method={} url={} error={} durationMs={} records={}",
          config.id(),
          outbound.method(),
          shownUrl,
          e.getClass().getSimpleName(),
          durationMs,
          outbound.recordIds().size());
      String message = outbound.method() + " " + shownUrl + " got no response: " + e;
      return outageOr(
          Attempted.failed(
              ApplicationFailure.newFailureWithCause(message, e.getClass().getSimpleName(), e),
              attempt.noResponse(durationMs, message)),
          origin,
          config,
          permit,
          message);
    }
    long durationMs = millisSince(started);
    log.atLevel(response.statusClass() == StatusClass.SUCCESS ? Level.DEBUG : Level.INFO)
        .log(
            "delivery config={} method={} url={} status={} durationMs={} records={}",
            config.id(),
            outbound.method(),
            shownUrl,
            response.status(),
            durationMs,
            outbound.recordIds().size());
    RequestLogEntry entry = attempt.answered(durationMs, response);
    if (response.status() >= 500) {
      return outageOr(
          Attempted.failed(retryable(config, response), entry),
          origin,
          config,
          permit,
          response.failureReason());
    }
    if (response.statusClass() != StatusClass.RETRYABLE) {
      circuit.succeeded(origin);
    }
    return switch (response.statusClass()) {
      case SUCCESS ->
          Attempted.of(
              new DeliveryResult(outbound.recordIds(), List.of(), response.status()), entry);
      case RETRYABLE -> Attempted.failed(retryable(config, response), entry);
      case PERMANENT -> Attempted.failed(permanent(response, context.attempt()), entry);
    };
  }

  /**
   * Counts a failure against the target's circuit: the attempt as it is, or, when the circuit is
   * open now, the same attempt marked with the outage (so it is not charged).
   */
  private Attempted outageOr(
      Attempted failed,
      String origin,
      ConfigSnapshot config,
      TargetCircuit.Permit permit,
      String error) {
    return circuit
        .failed(origin, config.outage(), error, permit.probe())
        .map(
            outage ->
                Attempted.unavailable(
                    unavailable(outage, 0), failed.logEntry().orElse(null), outage))
        .orElse(failed);
  }

  /** The target's circuit is open: the request goes back to the workflow uncharged. */
  private static ApplicationFailure unavailable(TargetOutage outage, int priorAttempts) {
    return ApplicationFailure.newNonRetryableFailure(
        outage.describe(),
        FailureTypes.TARGET_UNAVAILABLE,
        new OutageDetails(outage, priorAttempts));
  }

  @Override
  public RequestPreview preview(DeliveryRequest request) {
    TargetCredentials credentials = credentialsFor(request.config());
    try {
      OutboundRequest outbound = requests.build(request, credentials);
      return new RequestPreview(
          outbound.recordIds(),
          outbound.method().name(),
          UrlRedaction.redact(outbound.url().toString()),
          SecretRedactor.redactedMap(outbound.headers(), credentials),
          outbound.body());
    } catch (UnsendableRequestException e) {
      // RequestPreview cannot carry per-record failures, so the dry run learns of it this way.
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.INVALID_CONFIG);
    }
  }

  /**
   * With a rate limit, sleeps until this request's slot. A slot further away than the attempt can
   * wait is not taken: the attempt fails retryably with the wait as its next retry delay, so no
   * activity thread sleeps past its timeout.
   */
  private void awaitSlot(ConfigSnapshot config, OutboundRequest outbound, AttemptContext context) {
    if (config.rateLimit() <= 0) {
      return;
    }
    String origin = TargetRateLimiter.origin(outbound.url());
    Duration budget = context.waitBudget(clock.instant(), requestTime(config));
    RateLimitSlot slot = rateLimiter.reserve(origin, config.rateLimit(), budget);
    if (!slot.reserved()) {
      throw ApplicationFailure.newBuilder()
          .setType(FailureTypes.RATE_LIMITED)
          .setMessage(
              "rate limit of "
                  + config.rateLimit()
                  + " requests/s toward "
                  + origin
                  + ": the next free slot is "
                  + slot.delay().toMillis()
                  + " ms away, longer than this attempt may wait; nothing was sent")
          .setNextRetryDelay(slot.delay())
          .build();
    }
    if (slot.delay().isPositive()) {
      try {
        Thread.sleep(slot.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApplicationFailure.newFailure(
            "interrupted while waiting for a rate-limit slot; nothing was sent",
            FailureTypes.RATE_LIMITED);
      }
    }
  }

  /**
   * The target asked us to come back: Temporal's retry policy applies, with the target's {@code
   * Retry-After} (capped at the config's maxInterval) instead of the backoff when it sent one.
   */
  private ApplicationFailure retryable(ConfigSnapshot config, ResponseOutcome response) {
    ApplicationFailure.Builder failure =
        ApplicationFailure.newBuilder()
            .setType(FailureTypes.RETRYABLE_HTTP)
            .setMessage(response.failureReason())
            .setDetails(new FailureDetails(response.status(), 0));
    retryDelay(config, response).ifPresent(failure::setNextRetryDelay);
    return failure.build();
  }

  /** A zero or past {@code Retry-After} leaves the policy's backoff in charge. */
  private Optional<Duration> retryDelay(ConfigSnapshot config, ResponseOutcome response) {
    Duration max = Duration.ofMillis(config.retry().maxIntervalMillis());
    return RetryAfter.parse(response.retryAfter(), clock.instant())
        .filter(Duration::isPositive)
        .map(delay -> max.isPositive() && delay.compareTo(max) > 0 ? max : delay);
  }

  /** Details: the status and the attempt that met the refusal (for the record's failure). */
  private static ApplicationFailure permanent(ResponseOutcome response, int attempt) {
    return ApplicationFailure.newNonRetryableFailure(
        response.failureReason(),
        FailureTypes.PERMANENT_HTTP,
        new FailureDetails(response.status(), attempt));
  }

  private static DeliveryResult allFailed(List<Long> recordIds, String reason, int status) {
    return new DeliveryResult(List.of(), RecordFailure.all(recordIds, reason, status, 0), status);
  }

  /** What a request may take once sent: its connect and read timeouts. */
  private static Duration requestTime(ConfigSnapshot config) {
    return Duration.ofSeconds(config.connectTimeoutSeconds() + config.readTimeoutSeconds());
  }

  private static long millisSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
