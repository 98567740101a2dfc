package dev.apisync.api.runs;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A run cannot start: its config does not exist (404) or is disabled (409). */
class RunRefusedException extends ErrorResponseException {

  private RunRefusedException(HttpStatus status, String title, String detail) {
    super(status, problem(status, title, detail), null);
  }

  static RunRefusedException configNotFound(long configId) {
    return new RunRefusedException(
        HttpStatus.NOT_FOUND, "Sync config not found", "no sync config has id " + configId);
  }

  static RunRefusedException configDisabled(long configId, String name) {
    return new RunRefusedException(
        HttpStatus.CONFLICT,
        "Sync config disabled",
        "sync config "
            + configId
            + " '"
            + name
            + "' is disabled: enable it to start runs (a dry run is allowed)");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
