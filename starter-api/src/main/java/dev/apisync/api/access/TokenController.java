package dev.apisync.api.access;

import dev.apisync.activities.config.FieldError;
import dev.apisync.api.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API tokens (SPEC §11): admin only. A token's secret is shown once, when it is created. */
@RestController
@RequestMapping("/api/tokens")
@Tag(
    name = "API tokens",
    description =
        "Bearer tokens with a role: viewer reads; author also writes configs, schedules and"
            + " triggers; operator also starts, cancels, terminates and retries runs; admin also"
            + " manages tokens.")
public class TokenController {

  private final ApiTokenStore tokens;

  TokenController(ApiTokenStore tokens) {
    this.tokens = tokens;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "createToken",
      summary = "Create an API token; the answer holds its secret, shown this once")
  @ApiResponse(responseCode = "201", description = "Created")
  public ResponseEntity<IssuedToken> create(@RequestBody TokenRequest body) {
    List<FieldError> errors = body.errors();
    if (!errors.isEmpty()) {
      throw new InvalidParameterException(errors);
    }
    IssuedToken issued = tokens.issue(body.name().strip(), Role.parse(body.role()).orElseThrow());
    return ResponseEntity.created(URI.create("/api/tokens/" + issued.id())).body(issued);
  }

  @GetMapping
  @Operation(operationId = "listTokens", summary = "List API tokens (never their secrets)")
  public List<ApiToken> list() {
    return tokens.list();
  }

  @DeleteMapping("/{id}")
  @Operation(operationId = "deleteToken", summary = "Revoke an API token")
  @ApiResponse(responseCode = "204", description = "Revoked")
  public ResponseEntity<Void> delete(@PathVariable long id) {
    if (!tokens.revoke(id)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no API token has id " + id);
      problem.setTitle("API token not found");
      throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
    return ResponseEntity.noContent().build();
  }
}
