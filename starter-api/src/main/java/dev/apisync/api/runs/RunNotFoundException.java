package dev.apisync.api.runs;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No run has the workflow id a request names (or Temporal no longer retains it). */
class RunNotFoundException extends ErrorResponseException {

  RunNotFoundException(String workflowId) {
    super(HttpStatus.NOT_FOUND, problem(workflowId), null);
  }

  private static ProblemDetail problem(String workflowId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "no sync run has workflow id '" + workflowId + "'");
    problem.setTitle("Sync run not found");
    return problem;
  }
}
