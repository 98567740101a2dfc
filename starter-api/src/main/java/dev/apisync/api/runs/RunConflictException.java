package dev.apisync.api.runs;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A hand operation that does not fit the run's state (cancel a closed run, retry no failures). */
class RunConflictException extends ErrorResponseException {

  RunConflictException(String title, String detail) {
    super(HttpStatus.CONFLICT, problem(title, detail), null);
  }

  private static ProblemDetail problem(String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setTitle(title);
    return problem;
  }
}
