package dev.apisync.api.runs;

import io.grpc.StatusRuntimeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Temporal cannot answer the runs' visibility query: its server lacks apisync's search attributes
 * (a cluster where nobody ran README's {@code temporal operator search-attribute create}) or has no
 * visibility at all. An operator's mistake, answered as such rather than as an internal error.
 */
class RunListingUnavailableException extends ErrorResponseException {

  RunListingUnavailableException(StatusRuntimeException cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(cause), cause);
  }

  private static ProblemDetail problem(StatusRuntimeException cause) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Temporal could not list runs ("
                + cause.getStatus().getDescription()
                + "): register apisync's search attributes ApiSyncConfigId (Int), ApiSyncModel"
                + " and ApiSyncTrigger (Keyword) on the namespace, as README's 'Finding"
                + " runs: search attributes' shows");
    problem.setTitle("Run listing unavailable");
    return problem;
  }
}
