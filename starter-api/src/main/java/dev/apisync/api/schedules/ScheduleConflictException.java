package dev.apisync.api.schedules;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A schedule operation that does not fit the config's state (trigger a disabled config): 409. */
class ScheduleConflictException extends ErrorResponseException {

  ScheduleConflictException(String title, String detail) {
    super(HttpStatus.CONFLICT, problem(title, detail), null);
  }

  private static ProblemDetail problem(String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setTitle(title);
    return problem;
  }
}
