package dev.apisync.api.webhooks;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A webhook call apisync does not act on: bad token (401), other model (422), bad body (400). */
class WebhookRefusedException extends ErrorResponseException {

  private WebhookRefusedException(HttpStatus status, ProblemDetail problem) {
    super(status, problem, null);
  }

  /** The same answer for a missing, wrong or revoked token and a config without a webhook. */
  static WebhookRefusedException badToken() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            "the token query parameter is missing or is not this config's webhook token");
    problem.setTitle("Invalid webhook token");
    return new WebhookRefusedException(HttpStatus.UNAUTHORIZED, problem);
  }

  static WebhookRefusedException otherModel(String sent, String expected) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "_model is '" + sent + "' but this config syncs '" + expected + "'");
    problem.setTitle("Webhook for another model");
    problem.setProperty(
        "errors", List.of(Map.of("field", "_model", "message", "must be " + expected)));
    return new WebhookRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, problem);
  }

  static WebhookRefusedException malformed(String field, String rule) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + rule);
    problem.setTitle("Malformed webhook body");
    problem.setProperty("errors", List.of(Map.of("field", field, "message", rule)));
    return new WebhookRefusedException(HttpStatus.BAD_REQUEST, problem);
  }
}
