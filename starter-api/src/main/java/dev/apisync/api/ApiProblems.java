package dev.apisync.api;

import dev.apisync.activities.config.ConfigInUseException;
import dev.apisync.activities.config.FieldError;
import dev.apisync.activities.config.InvalidConfigException;
import dev.apisync.activities.events.EventSourceUnavailableException;
import dev.apisync.activities.events.TriggerRefusedException;
import dev.apisync.api.configs.ConfigNotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns the API's failures into RFC 9457 problem details ({@code application/problem+json}) that
 * name the offending fields, never a stack trace. It is the app's one {@link
 * ResponseEntityExceptionHandler}, so it also renders every {@code ErrorResponseException}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

  static final String INVALID_CONFIG = "Invalid sync config";

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(InvalidConfigException.class)
  ProblemDetail invalidConfig(InvalidConfigException e) {
    return invalid(e.errors());
  }

  @ExceptionHandler(ConfigNotFoundException.class)
  ProblemDetail notFound(ConfigNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Sync config not found");
    return problem;
  }

  @ExceptionHandler(ConfigInUseException.class)
  ProblemDetail inUse(ConfigInUseException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Sync config in use");
    problem.setProperty(
        "usedBy",
        e.usedBy().stream().map(ref -> Map.of("id", ref.id(), "name", ref.name())).toList());
    return problem;
  }

  @ExceptionHandler(TriggerRefusedException.class)
  ProblemDetail triggerRefused(TriggerRefusedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Source database refused the trigger");
    return problem;
  }

  @ExceptionHandler(EventSourceUnavailableException.class)
  ProblemDetail eventSourceUnavailable(EventSourceUnavailableException e) {
    log.warn("source database unavailable for record events: {}", e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Source database unavailable");
    return problem;
  }

  /** Anything unforeseen: logged with its trace, answered without it. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("config API request failed", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "The request failed unexpectedly; the server log has the details.");
    problem.setTitle("Internal error");
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    ProblemDetail problem;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RequestBounds.BodyTooLargeException) {
        problem = invalid(List.of(new FieldError("body", RequestBounds.BODY_RULE)));
        problem.setTitle("Invalid request");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
      }
    }
    boolean wrongType =
        cause instanceof MismatchedInputException || cause instanceof InputCoercionException;
    if (wrongType && !((JacksonException) cause).getPath().isEmpty()) {
      JacksonException jackson = (JacksonException) cause;
      problem = invalid(List.of(new FieldError(path(jackson), expected(jackson))));
    } else if (wrongType) {
      problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST, "The request body must be a JSON object.");
      problem.setTitle(INVALID_CONFIG);
    } else if (cause instanceof JacksonException jackson) {
      problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(jackson));
      problem.setTitle("Malformed JSON");
    } else {
      problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST, "The request needs a JSON object as its body.");
      problem.setTitle("Missing request body");
    }
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.size() == 1
                ? errors.get(0).toString()
                : errors.size() + " fields break the rules; see errors");
    problem.setTitle(INVALID_CONFIG);
    problem.setProperty("errors", fieldErrors(errors));
    return problem;
  }

  /** A problem's {@code errors} property: each broken rule as {@code {field, message}}. */
  static List<Map<String, String>> fieldErrors(List<FieldError> errors) {
    return errors.stream()
        .map(error -> Map.of("field", error.field(), "message", error.message()))
        .toList();
  }

  /** {@code lines[1].valueType} from Jackson's path of references. */
  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** What the JSON should have held, in the API's words rather than Java's. */
  private static String expected(JacksonException e) {
    Class<?> type =
        e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (e instanceof InputCoercionException) {
      return "number out of range";
    }
    if (type == null) {
      return "has the wrong type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      boolean fractional =
          e instanceof InvalidFormatException format
              && format.getValue() instanceof Number number
              && !(number instanceof Integer || number instanceof Long);
      return fractional ? "expected a whole number" : "expected a number";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "expected a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "expected true or false";
    }
    if (type == String.class) {
      return "expected a string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "expected an array";
    }
    return "expected an object";
  }

  /** Jackson's message without its Java-flavoured parts, with the line and column. */
  private static String describe(JacksonException e) {
    String message = e.getOriginalMessage() == null ? "not valid JSON" : e.getOriginalMessage();
    for (String noise : List.of("\n", " (start marker at", " [Source:")) {
      int cut = message.indexOf(noise);
      if (cut >= 0) {
        message = message.substring(0, cut);
      }
    }
    TokenStreamLocation location = e.getLocation();
    return location == null || location.getLineNr() < 0
        ? message
        : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
