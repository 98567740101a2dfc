package dev.apisync.api.webhooks;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.StoredConfig;
import dev.apisync.api.configs.ConfigNotFoundException;
import dev.apisync.api.runs.RunService;
import dev.apisync.workflows.Trigger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Odoo webhook intake (SPEC §8): an Odoo automation rule with the action "Send Webhook
 * Notification" posts {@code {_model, _id, ...}} to the config's webhook URL, and apisync runs the
 * config for that one record. Odoo cannot add headers, so the token travels in the URL.
 */
@RestController
@Tag(
    name = "Webhooks",
    description =
        "Issue a config's webhook URL (its token is shown once), revoke it, and the intake Odoo"
            + " calls. The intake checks its own token, not the API's.")
public class WebhookController {

  private final WebhookTokens tokens;
  private final ConfigStore configs;
  private final RunService runs;
  private final String publicUrl;

  WebhookController(
      WebhookTokens tokens,
      ConfigStore configs,
      RunService runs,
      @Value("${apisync.webhooks.public-url:}") String publicUrl) {
    this.tokens = tokens;
    this.configs = configs;
    this.runs = runs;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  @PostMapping("/api/configs/{id}/webhook")
  @Operation(
      operationId = "issueWebhook",
      summary = "Issue the config's webhook URL with a fresh token, revoking any earlier one",
      description =
          "The URL holds the token and is shown only now (apisync keeps only its hash). Paste it"
              + " into Odoo's automation rule, action \"Send Webhook Notification\".")
  public ResponseEntity<Issued> issue(@PathVariable long id) {
    if (!configs.exists(id)) {
      throw new ConfigNotFoundException(id);
    }
    String token = tokens.issue(id);
    String url =
        base().path("/api/hooks/{id}").queryParam("token", token).buildAndExpand(id).toUriString();
    return ResponseEntity.status(HttpStatus.CREATED).body(new Issued(url));
  }

  @DeleteMapping("/api/configs/{id}/webhook")
  @Operation(operationId = "revokeWebhook", summary = "Revoke the config's webhook")
  public ResponseEntity<Void> revoke(@PathVariable long id) {
    if (!configs.exists(id)) {
      throw new ConfigNotFoundException(id);
    }
    return tokens.revoke(id)
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }

  @PostMapping("/api/hooks/{configId}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      operationId = "receiveOdooWebhook",
      summary = "Odoo's webhook: run the config for the record in the body",
      description =
          "Body as Odoo 17 sends it: {_model, _id, ...}. 401 for a missing or wrong token, 422"
              + " for another model, 400 for a malformed body. A record the config's domain does"
              + " not select (or that is gone) is reported as skipped by the run.")
  public Accepted receive(
      @PathVariable long configId,
      @Parameter(description = "The token in the issued webhook URL")
          @RequestParam(required = false)
          String token,
      @RequestBody(required = false) String body) {
    if (!tokens.matches(configId, token)) {
      throw WebhookRefusedException.badToken();
    }
    OdooWebhookBody hook = OdooWebhookBody.parse(body);
    StoredConfig config =
        configs.find(configId).orElseThrow(() -> new ConfigNotFoundException(configId));
    if (!hook.model().equals(config.config().model())) {
      throw WebhookRefusedException.otherModel(hook.model(), config.config().model());
    }
    return new Accepted(
        runs.start(configId, List.of(hook.recordId()), false, Trigger.WEBHOOK).workflowId());
  }

  private UriComponentsBuilder base() {
    return publicUrl.isEmpty()
        ? ServletUriComponentsBuilder.fromCurrentContextPath()
        : UriComponentsBuilder.fromUriString(publicUrl);
  }

  /** The webhook URL, token included: shown once. */
  public record Issued(String url) {}

  /** The run the webhook started. */
  public record Accepted(String workflowId) {}
}
