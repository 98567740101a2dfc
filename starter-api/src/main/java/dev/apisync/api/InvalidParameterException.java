package dev.apisync.api;

import dev.apisync.activities.config.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Query parameters out of their rules: 400 naming each parameter and its rule. */
public class InvalidParameterException extends ErrorResponseException {

  public InvalidParameterException(List<FieldError> errors) {
    super(HttpStatus.BAD_REQUEST, problem(errors), null);
  }

  public InvalidParameterException(String parameter, String rule) {
    this(List.of(new FieldError(parameter, rule)));
  }

  private static ProblemDetail problem(List<FieldError> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse(""));
    problem.setTitle(errors.size() == 1 ? "Invalid parameter" : "Invalid parameters");
    problem.setProperty("errors", ApiProblems.fieldErrors(errors));
    return problem;
  }
}
