package dev.apisync.api.runs;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A query parameter out of its range: 400 naming the parameter and the rule. */
class InvalidParameterException extends ErrorResponseException {

  InvalidParameterException(String parameter, String rule) {
    super(HttpStatus.BAD_REQUEST, problem(parameter, rule), null);
  }

  private static ProblemDetail problem(String parameter, String rule) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + rule);
    problem.setTitle("Invalid parameter");
    problem.setProperty("errors", List.of(Map.of("field", parameter, "message", rule)));
    return problem;
  }
}
