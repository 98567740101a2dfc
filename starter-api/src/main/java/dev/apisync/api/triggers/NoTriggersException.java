package dev.apisync.api.triggers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The config exists but has no record-event triggers: 404. */
public class NoTriggersException extends ErrorResponseException {

  public NoTriggersException(long configId) {
    super(HttpStatus.NOT_FOUND, problem(configId), null);
  }

  private static ProblemDetail problem(long configId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "sync config " + configId + " has no record-event triggers; PUT them to install");
    problem.setTitle("No triggers");
    return problem;
  }
}
