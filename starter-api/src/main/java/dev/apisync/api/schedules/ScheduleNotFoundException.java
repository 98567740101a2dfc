package dev.apisync.api.schedules;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The config has no schedule: 404. */
class ScheduleNotFoundException extends ErrorResponseException {

  ScheduleNotFoundException(long configId) {
    super(HttpStatus.NOT_FOUND, problem(configId), null);
  }

  private static ProblemDetail problem(long configId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "sync config "
                + configId
                + " has no schedule; create one with POST /api/configs/"
                + configId
                + "/schedule");
    problem.setTitle("Schedule not found");
    return problem;
  }
}
