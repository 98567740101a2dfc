package dev.apisync.deploy;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleListDescription;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs that start themselves, against the real Temporal dev server (the Java test server has no
 * schedules and no visibility queries): schedules, the Odoo webhook, run listing by search
 * attribute, and the Web UI finding runs by {@code ApiSyncConfigId} in Debian's Chromium. One dev
 * server (with its Web UI), one worker and one API for the whole class; each test its own config.
 */
class RunTriggersIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

  @AutoClose private static InProcessStack stack;

  @BeforeAll
  static void startTheSystem() throws IOException {
    stack =
        InProcessStack.start(
            "triggers",
            20,
            InProcessStack.ACCEPTING,
            true,
            // No test here runs Python: one warm context is enough, and starts in seconds.
            "--apisync.scripts.pool-size=1");
  }

  @BeforeEach
  void forgetEarlierRequests() throws InterruptedException {
    stack.forgetReceivedRequests();
  }

  @Test
  void aScheduleIsCreatedReadPausedTriggeredBackfilledAndDeleted() throws Exception {
    long configId = stack.rest.createConfig(customers("hourly customers"));

    HttpResponse<String> created =
        stack.rest.post(
            schedule(configId),
            "{\"cron\": \"0 * * * *\", \"timeZone\": \"Europe/Kyiv\", \"incremental\": true,"
                + " \"overlap\": \"bufferOne\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode stored = JSON.readTree(created.body());
    assertThat(stored.path("scheduleId").asText()).isEqualTo("sync-" + configId);
    assertThat(stored.path("cron").asText()).isEqualTo("0 * * * *");
    assertThat(stored.path("timeZone").asText()).isEqualTo("Europe/Kyiv");
    assertThat(stored.path("incremental").asBoolean()).isTrue();
    assertThat(stored.path("overlap").asText()).isEqualTo("bufferOne");
    assertThat(stored.path("paused").asBoolean()).isFalse();
    List<Instant> next = new ArrayList<>();
    stored.path("nextRuns").forEach(time -> next.add(Instant.parse(time.asText())));
    assertThat(next).hasSize(5).isSorted();
    assertThat(next)
        .allSatisfy(time -> assertThat(time.truncatedTo(ChronoUnit.HOURS)).isEqualTo(time));
    assertThat(JSON.readTree(stack.rest.get(schedule(configId)).body())).isEqualTo(stored);
    assertThat(scheduleIds()).contains("sync-" + configId);

    JsonNode paused = JSON.readTree(stack.rest.post(schedule(configId) + "/pause", "").body());
    assertThat(paused.path("paused").asBoolean()).isTrue();
    assertThat(paused.path("nextRuns")).isEmpty();
    JsonNode unpaused = JSON.readTree(stack.rest.post(schedule(configId) + "/unpause", "").body());
    assertThat(unpaused.path("paused").asBoolean()).isFalse();

    HttpResponse<String> triggered = stack.rest.post(schedule(configId) + "/trigger", "");
    assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(202);
    String workflowId = JSON.readTree(triggered.body()).path("workflowId").asText();
    assertThat(workflowId).startsWith("sync-hourly-customers-scheduled-");
    JsonNode run =
        JSON.readTree(stack.rest.get("/api/runs/" + workflowId + "?waitSeconds=60").body());
    assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(run.path("trigger").asText()).isEqualTo("SCHEDULE");
    assertThat(run.path("configId").asLong()).isEqualTo(configId);

    // The schedule's times between 2.5 hours ago and now: the last three full hours.
    Instant lastHour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    HttpResponse<String> backfill =
        stack.rest.post(
            schedule(configId) + "/backfill",
            "{\"from\": \""
                + lastHour.minus(150, ChronoUnit.MINUTES)
                + "\", \"to\": \""
                + lastHour.plusSeconds(30)
                + "\"}");
    assertThat(backfill.statusCode()).as(backfill.body()).isEqualTo(202);
    // The trigger's run and the backfill's three.
    List<JsonNode> runs = awaitRuns("configId=" + configId + "&trigger=SCHEDULE", 4);
    assertThat(runs).allSatisfy(r -> assertThat(r.path("trigger").asText()).isEqualTo("SCHEDULE"));
    await()
        .atMost(RUN_TIMEOUT)
        .until(
            () ->
                JSON.readTree(stack.rest.get(schedule(configId)).body()).path("recentRuns").size()
                    >= 4);

    assertThat(stack.rest.delete(schedule(configId)).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = stack.rest.get(schedule(configId));
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(scheduleIds()).doesNotContain("sync-" + configId);
  }

  @Test
  void aMalformedCronZoneOrIntervalIsRefusedNamingTheFieldAndNothingIsCreated() throws Exception {
    long configId = stack.rest.createConfig(customers("badly scheduled customers"));

    assertRefused(configId, "{\"cron\": \"0 * * *\"}", "cron");
    assertRefused(configId, "{\"cron\": \"61 * * * *\"}", "cron");
    assertRefused(
        configId, "{\"cron\": \"0 * * * *\", \"timeZone\": \"Mars/Olympus\"}", "timeZone");
    assertRefused(configId, "{\"every\": \"15 minutes\"}", "every");
    assertRefused(configId, "{\"every\": \"PT15M\", \"overlap\": \"sometimes\"}", "overlap");
    assertRefused(configId, "{}", "cron");

    assertThat(stack.rest.get(schedule(configId)).statusCode()).isEqualTo(404);
    assertThat(scheduleIds()).doesNotContain("sync-" + configId);
  }

  @Test
  void aScheduleEveryTwoSecondsStartsRunsThatAreListedAsScheduled() throws Exception {
    long configId = stack.rest.createConfig(customers("customers every two seconds"));

    HttpResponse<String> created = stack.rest.post(schedule(configId), "{\"every\": \"PT2S\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(JSON.readTree(created.body()).path("every").asText()).isEqualTo("PT2S");

    List<JsonNode> runs;
    try {
      runs = awaitRuns("configId=" + configId + "&trigger=SCHEDULE", 2);
    } finally {
      assertThat(stack.rest.delete(schedule(configId)).statusCode()).isEqualTo(204);
    }

    assertThat(runs)
        .allSatisfy(
            run -> {
              assertThat(run.path("workflowId").asText())
                  .startsWith("sync-customers-every-two-seconds-scheduled-");
              assertThat(run.path("configId").asLong()).isEqualTo(configId);
              assertThat(run.path("model").asText()).isEqualTo("res.partner");
            });
    // Nothing else is listed under this config's scheduled runs.
    assertThat(listRuns("configId=" + configId + "&trigger=MANUAL")).isEmpty();
  }

  @Test
  void disablingAConfigPausesItsScheduleEnablingResumesItAndDeletingItDeletesIt() throws Exception {
    ObjectNode config = customers("customers switched off and on");
    long configId = stack.rest.createConfig(config);
    assertThat(stack.rest.post(schedule(configId), "{\"every\": \"PT1H\"}").statusCode())
        .isEqualTo(200);

    config.put("enabled", false);
    assertThat(stack.rest.put("/api/configs/" + configId, config.toString()).statusCode())
        .isEqualTo(200);
    JsonNode disabled = JSON.readTree(stack.rest.get(schedule(configId)).body());
    assertThat(disabled.path("paused").asBoolean()).isTrue();
    assertThat(disabled.path("note").asText()).contains("disabled");
    assertThat(stack.rest.post(schedule(configId) + "/trigger", "").statusCode()).isEqualTo(409);

    config.put("enabled", true);
    assertThat(stack.rest.put("/api/configs/" + configId, config.toString()).statusCode())
        .isEqualTo(200);
    assertThat(JSON.readTree(stack.rest.get(schedule(configId)).body()).path("paused").asBoolean())
        .isFalse();

    assertThat(stack.rest.delete("/api/configs/" + configId).statusCode()).isEqualTo(204);
    assertThat(scheduleIds()).doesNotContain("sync-" + configId);
  }

  @Test
  void aWebhookWithItsTokenSyncsThatRecordAndEveryOtherCallIsRefused() throws Exception {
    long configId = stack.rest.createConfig(customers("customers by webhook"));
    long partner = stack.activeCustomerIds().get(2);
    HttpResponse<String> issued = stack.rest.post("/api/configs/" + configId + "/webhook", "");
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String url = JSON.readTree(issued.body()).path("url").asText();
    assertThat(url).startsWith(stack.apiUrl + "/api/hooks/" + configId + "?token=");
    String odooBody =
        "{\"_action\": \"Send Webhook Notification(#12)\", \"_id\": "
            + partner
            + ", \"_model\": \"res.partner\", \"name\": \"ignored\"}";

    HttpResponse<String> accepted = StackApi.postAnonymously(url, odooBody);

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String workflowId = JSON.readTree(accepted.body()).path("workflowId").asText();
    JsonNode run =
        JSON.readTree(stack.rest.get("/api/runs/" + workflowId + "?waitSeconds=60").body());
    assertThat(run.path("trigger").asText()).isEqualTo("WEBHOOK");
    assertThat(run.path("result").path("sent").asInt()).isEqualTo(1);
    RecordedRequest received = stack.crm.takeRequest(10, SECONDS);
    assertThat(received).isNotNull();
    // The config is paginated: a page (JSON array) of the one record.
    assertThat(JSON.readTree(received.getBody().utf8()).path(0).path("external_id").asLong())
        .isEqualTo(partner);

    String hook = "/api/hooks/" + configId;
    assertProblem(stack.rest.post(hook + "?token=wrong", odooBody), 401);
    assertProblem(stack.rest.post(hook, odooBody), 401);
    assertProblem(
        StackApi.postAnonymously(url, odooBody.replace("res.partner", "sale.order")), 422);
    assertProblem(StackApi.postAnonymously(url, "{\"_model\": \"res.partner\"}"), 400);
    assertProblem(StackApi.postAnonymously(url, "not json"), 400);
    assertThat(stack.rest.delete("/api/configs/" + configId + "/webhook").statusCode())
        .isEqualTo(204);
    assertProblem(StackApi.postAnonymously(url, odooBody), 401);
    assertThat(stack.crm.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void runsAreListedByConfigTriggerAndStatusPageByPage() throws Exception {
    long configId = stack.rest.createConfig(customers("customers listed"));
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> response = stack.rest.post("/api/configs/" + configId + "/runs", "{}");
      String workflowId = JSON.readTree(response.body()).path("workflowId").asText();
      stack.rest.get("/api/runs/" + workflowId + "?waitSeconds=60");
      started.add(workflowId);
    }

    List<JsonNode> completed =
        awaitRuns("configId=" + configId + "&trigger=MANUAL&status=COMPLETED", 3);
    assertThat(completed)
        .extracting(run -> run.path("workflowId").asText())
        .containsExactlyInAnyOrderElementsOf(started);
    assertThat(completed)
        .allSatisfy(
            run -> {
              assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
              assertThat(run.path("configName").asText()).isEqualTo("customers listed");
              assertThat(run.path("progress").path("sent").asInt()).isPositive();
              assertThat(run.path("uiUrl").asText()).contains(run.path("workflowId").asText());
            });
    assertThat(listRuns("configId=" + configId + "&status=RUNNING")).isEmpty();
    assertThat(listRuns("configId=" + configId + "&trigger=EVENT")).isEmpty();

    Set<String> paged = new HashSet<>();
    String query = "/api/runs?configId=" + configId + "&limit=2";
    JsonNode page = JSON.readTree(stack.rest.get(query).body());
    page.path("runs").forEach(run -> paged.add(run.path("workflowId").asText()));
    assertThat(page.path("runs")).hasSize(2);
    String token = page.path("nextPageToken").asText();
    assertThat(token).isNotEmpty();
    page = JSON.readTree(stack.rest.get(query + "&pageToken=" + token).body());
    page.path("runs").forEach(run -> paged.add(run.path("workflowId").asText()));
    assertThat(paged).containsExactlyInAnyOrderElementsOf(started);

    assertProblem(stack.rest.get("/api/runs?trigger=SOMETIMES"), 400);
  }

  @Test
  void theWebUiFindsRunsByConfigIdAndShowsTheirSummary() throws Exception {
    long configId = stack.rest.createConfig(customers("customers for the web ui"));
    String workflowId =
        JSON.readTree(stack.rest.post("/api/configs/" + configId + "/runs", "{}").body())
            .path("workflowId")
            .asText();
    stack.rest.get("/api/runs/" + workflowId + "?waitSeconds=60");
    awaitRuns("configId=" + configId, 1);
    String summary = "customers for the web ui: res.partner → POST ";

    WebDriver browser = Chromium.start();
    try {
      String query = "ApiSyncConfigId = " + configId;
      browser.get(
          stack.temporal.webUiUrl().orElseThrow()
              + "/namespaces/default/workflows?query="
              + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText(workflowId)));
      Chromium.screenshot(browser, "web-ui-runs-by-config-id.png");

      browser.findElement(By.linkText(workflowId)).click();
      // UI 2.54 shows a run's summary and details under its "User Metadata" tab.
      wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//*[normalize-space(text()) = 'User Metadata']")))
          .click();
      try {
        // The frame is re-rendered as the page loads: a stale one is looked up again.
        wait.ignoring(StaleElementReferenceException.class)
            .until(page -> visibleText(page).contains(summary));
      } finally {
        Chromium.screenshot(browser, "web-ui-run-summary.png");
      }
    } finally {
      browser.quit();
    }
  }

  /** The page's text and that of its frames (the UI renders a summary's markdown in one). */
  private static String visibleText(WebDriver browser) {
    StringBuilder text = new StringBuilder(browser.findElement(By.tagName("body")).getText());
    for (WebElement frame : browser.findElements(By.tagName("iframe"))) {
      try {
        browser.switchTo().frame(frame);
        text.append('\n').append(browser.findElement(By.tagName("body")).getText());
      } finally {
        browser.switchTo().defaultContent();
      }
    }
    return text.toString();
  }

  private static void assertRefused(long configId, String body, String field) throws Exception {
    HttpResponse<String> response = stack.rest.post(schedule(configId), body);
    assertProblem(response, 400);
    List<String> fields = new ArrayList<>();
    JSON.readTree(response.body())
        .path("errors")
        .forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields).as(body).contains(field);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  /** Visibility is eventually consistent: waits (bounded) until the list holds {@code count}. */
  private static List<JsonNode> awaitRuns(String filter, int count) {
    return await()
        .atMost(RUN_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> listRuns(filter), runs -> runs.size() >= count);
  }

  private static List<JsonNode> listRuns(String filter) throws Exception {
    HttpResponse<String> response = stack.rest.get("/api/runs?" + filter);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> runs = new ArrayList<>();
    JSON.readTree(response.body()).path("runs").forEach(runs::add);
    return runs;
  }

  private static List<String> scheduleIds() {
    return stack
        .api
        .getBean(ScheduleClient.class)
        .listSchedules()
        .map(ScheduleListDescription::getScheduleId)
        .toList();
  }

  private static String schedule(long configId) {
    return "/api/configs/" + configId + "/schedule";
  }

  private static ObjectNode customers(String name) {
    ObjectNode config = JSON.createObjectNode();
    config.put("name", name);
    config.put("model", "res.partner");
    config.put("filterDomain", "[('customer_rank', '>', 0)]");
    config.put("requestUrl", stack.crm.url("/api/customers").toString());
    config.put("httpMethod", "POST");
    var lines = config.putArray("lines");
    lines
        .addObject()
        .put("field", "id")
        .put("externalKey", "external_id")
        .put("isIdentifier", true);
    lines.addObject().put("field", "name").put("externalKey", "full_name");
    config.put("paginated", true);
    config.put("limit", 5);
    return config;
  }
}
