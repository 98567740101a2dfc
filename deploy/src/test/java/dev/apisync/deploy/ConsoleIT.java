package dev.apisync.deploy;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web console in Debian's Chromium against the whole stack, as a new user goes through it: sign
 * in with the token, build the seed guide's "customers to CRM" config in the form (field picker,
 * live match count, a validation error next to its field), preview a record, send that record and
 * compare bytes with the preview, run the whole domain to "completed" and open a row of the request
 * log. Screenshots land in {@code target/console-*.png} (the README's come from here).
 */
class ConsoleIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @AutoClose private static InProcessStack stack;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  static void startTheSystem() throws Exception {
    stack =
        InProcessStack.start(
            "console",
            300,
            InProcessStack.ACCEPTING,
            false,
            // The seed's config runs no Python: one warm context is enough.
            "--apisync.scripts.pool-size=1");
  }

  @BeforeEach
  void openTheConsole() throws InterruptedException {
    stack.forgetReceivedRequests();
    browser = Chromium.start();
    wait = new WebDriverWait(browser, WAIT);
  }

  @AfterEach
  void closeTheBrowser() {
    browser.quit();
  }

  @Test
  void aNewUserBuildsPreviewsRunsAndInspectsTheSeedConfig() throws Exception {
    long configsBefore = configsStored();
    browser.get(stack.apiUrl + "/");
    visible(By.cssSelector("input[type=password]")).sendKeys(stack.adminToken(), Keys.ENTER);
    visible(By.linkText("New config")).click();

    // The live count follows the domain, and a malformed domain says where it breaks.
    awaitText(By.id("match-count"), count("[]") + " records match right now");
    field("Name").sendKeys("Customers to CRM");
    type(field("Domain"), "[('customer_rank', '>' 0)]");
    assertThat(visible(By.cssSelector("#domain-error .error")).getText())
        .contains("position 24", "expected ',' or ')'");
    type(field("Domain"), "[('customer_rank', '>', 0)]");
    long customers = count("[('customer_rank', '>', 0)]");
    awaitText(By.id("match-count"), customers + " records match right now");

    addLine("name", "full_name");
    addLine("email", "email_address");
    addLine("phone", "contact_number");
    addLine("id", "external_id")
        .findElement(By.cssSelector("[aria-label='Record identifier']"))
        .click();
    WebElement company = addLine("", "company_name");
    company.findElement(By.cssSelector("[aria-label='Pick a field']")).click();
    visible(By.cssSelector("dialog [aria-label='Fields of parent_id']")).click();
    awaitText(By.cssSelector("dialog .crumbs"), "parent_id (res.partner)");
    browser.findElement(By.xpath("//dialog//button[normalize-space(.)='name']")).click();
    assertThat(
            company
                .findElement(By.cssSelector("[aria-label='Source field']"))
                .getDomProperty("value"))
        .isEqualTo("parent_id.name");

    type(field("Request URL"), stack.crm.url("/crm/customers").toString());
    new Select(field("Authentication")).selectByValue("bearer");
    field("Token").sendKeys("sk_demo_abc123xyz789");
    browser.findElement(By.xpath("//button[normalize-space(.)='Add header']")).click();
    browser.findElement(By.cssSelector("[aria-label='Header name']")).sendKeys("X-API-Version");
    browser.findElement(By.cssSelector("[aria-label='Header value']")).sendKeys("2.0");
    field("One request per page").click();
    type(field("Page size"), "0");

    // The API's rule shows next to the field it names, and nothing is saved.
    browser.findElement(By.id("save")).click();
    assertThat(visible(By.cssSelector("[data-error-for='pageSize']")).getText())
        .isEqualTo("must be between 1 and 1000 (got 0)");
    assertThat(field("Page size").getAttribute("aria-invalid")).isEqualTo("true");
    Chromium.screenshot(browser, "console-validation.png");
    assertThat(configsStored()).isEqualTo(configsBefore);

    type(field("Page size"), "100");
    browser.findElement(By.id("save")).click();
    wait.until(ExpectedConditions.urlMatches("#/configs/\\d+$"));
    awaitText(By.id("match-count"), customers + " records match right now");
    Chromium.fullPageScreenshot(browser, "console-config-form.png");

    // The preview of the first match, then that record sent for real: the same bytes arrive.
    browser.findElement(By.id("preview")).click();
    String previewBody = visible(By.id("preview-body")).getDomProperty("textContent");
    long firstCustomer = firstCustomerId();
    assertThat(browser.findElement(By.id("preview-line")).getText())
        .isEqualTo("POST " + stack.crm.url("/crm/customers"));
    assertThat(previewBody)
        .startsWith("[{\"full_name\":")
        .contains("\"external_id\":" + firstCustomer + ",");
    assertThat(browser.findElement(By.id("preview-output")).getText())
        .contains("Authorization\n***");
    Chromium.screenshot(browser, "console-preview.png");
    assertThat(stack.crm.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();

    String configPage = browser.getCurrentUrl();
    field("Record ids").sendKeys(Long.toString(firstCustomer));
    browser.findElement(By.id("run-now")).click();
    awaitText(By.id("run-status"), "COMPLETED");
    RecordedRequest sent = stack.crm.takeRequest(10, SECONDS);
    assertThat(sent.getBody().utf8()).isEqualTo(previewBody);

    // The whole domain, watched until it completes.
    browser.get(configPage);
    visible(By.id("run-now")).click();
    visible(By.cssSelector("[role=progressbar]"));
    awaitText(By.id("run-status"), "COMPLETED");
    assertThat(browser.findElement(By.id("run-sent")).getText())
        .isEqualTo(Long.toString(customers));
    assertThat(
            browser.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuenow"))
        .isEqualTo("100");
    Chromium.screenshot(browser, "console-run.png");

    // The run's request log: a row opens onto its request and response.
    browser.findElement(By.linkText("Request log of this run")).click();
    List<WebElement> rows =
        wait.until(
            ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("tr.log-row"), 0));
    assertThat(rows).hasSize((int) ((customers + 99) / 100));
    rows.getFirst().findElement(By.tagName("button")).click();
    WebElement detail = visible(By.cssSelector("tr.row-detail:not([hidden])"));
    assertThat(detail.getText()).contains("HTTP 200", "X-API-Version", "\"full_name\"");
    Chromium.screenshot(browser, "console-request-log.png");
  }

  @Test
  void aPreviewShowsAPythonErrorWithItsLine() throws Exception {
    String config =
        """
        {"name": "scripted", "model": "res.partner", "requestUrl": "%s", "httpMethod": "POST",
         "enabled": false,
         "lines": [{"field": "id", "externalKey": "id", "valueType": "plain", "isIdentifier": true}],
         "requestScript": "total = len(records)\\nresult = total / 0"}
        """
            .formatted(stack.crm.url("/crm/scripted"));
    long id =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(stack.rest.post("/api/configs", config).body())
            .path("id")
            .asLong();
    browser.get(stack.apiUrl + "/");
    visible(By.cssSelector("input[type=password]")).sendKeys(stack.adminToken(), Keys.ENTER);
    visible(By.linkText("scripted")).click();
    wait.until(ExpectedConditions.urlMatches("#/configs/" + id + "$"));
    awaitText(By.id("match-count"), "match right now");

    visible(By.id("preview")).click();

    assertThat(visible(By.id("preview-error")).getText()).contains("ZeroDivisionError", "line 2");
    assertThat(stack.crm.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
  }

  private WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private void awaitText(By locator, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /** The config form's input labelled so. */
  private WebElement field(String label) {
    WebElement labelElement = visible(By.xpath("//label[normalize-space(.)='" + label + "']"));
    return browser.findElement(By.id(labelElement.getAttribute("for")));
  }

  private static void type(WebElement input, String text) {
    input.clear();
    input.sendKeys(text);
  }

  /** Adds a field line and fills it; returns its row. */
  private WebElement addLine(String sourceField, String jsonKey) {
    browser.findElement(By.xpath("//button[normalize-space(.)='Add line']")).click();
    // The form's first table holds the lines (the headers' comes later).
    WebElement row =
        browser
            .findElement(By.cssSelector("#config-form table.lines"))
            .findElements(By.cssSelector("tbody tr"))
            .getLast();
    row.findElement(By.cssSelector("[aria-label='Source field']")).sendKeys(sourceField);
    row.findElement(By.cssSelector("[aria-label='JSON key']")).sendKeys(jsonKey);
    return row;
  }

  /** Active partners the domain selects, read from the source directly. */
  private static long count(String domain) {
    String where = domain.equals("[]") ? "" : " AND customer_rank > 0";
    return JdbcClient.create(stack.odoo)
        .sql("SELECT count(*) FROM res_partner WHERE active" + where)
        .query(Long.class)
        .single();
  }

  private static long firstCustomerId() {
    return JdbcClient.create(stack.odoo)
        .sql("SELECT min(id) FROM res_partner WHERE active AND customer_rank > 0")
        .query(Long.class)
        .single();
  }

  private static long configsStored() throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(stack.rest.get("/api/configs").body())
        .size();
  }
}
