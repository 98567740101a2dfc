package dev.apisync.activities.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apisync.activities.testing.TestScripts;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FailureTypes;
import dev.apisync.workflows.MappedRecord;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed guide's "Python script for complex transformations" examples, as written, as request
 * scripts through the activity; expected bodies are the golden files next to this class.
 */
class SeedExamplesTest {

  static final String PHONE_FORMATTING =
      """
      phone = records.phone or ''
      if phone.startswith('+'):
          result = phone
      else:
          result = '+1' + phone.replace('-', '').replace(' ', '')
      """;

  static final String TOTAL_REVENUE =
      """
      total = sum(records.mapped('amount_total'))
      result = {'total_revenue': total, 'order_count': len(records)}
      """;

  static final String TIMESTAMP_WRAPPER =
      """
      from datetime import datetime
      result = {
          'data': request_data,
          'timestamp': datetime.now().isoformat(),
          'source': 'odoo'
      }
      """;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final ScriptSource SOURCE =
      ScriptFixtures.scriptSource(ScriptFixtures.create("seed_examples"));

  private final ScriptActivitiesImpl activities =
      new ScriptActivitiesImpl(
          TestScripts.shared(), SOURCE, Clock.fixed(ScriptFixtures.NOW, ZoneOffset.UTC));

  static ConfigSnapshot config(String model, String script, boolean paginated, int timeout) {
    return ScriptFixtures.config(model, List.of(), script, paginated, 100, timeout);
  }

  @Test
  void phoneFormattingOnASingleRecord() throws IOException {
    String body =
        activities.applyRequestScript(
            config("res.partner", PHONE_FORMATTING, false, 5),
            List.of(new MappedRecord(2, "{\"id\":2}")),
            false);

    assertThat(JSON.readTree(body)).isEqualTo(golden("seed-phone-formatting.json"));
  }

  @Test
  void phoneFormattingKeepsAnInternationalNumber() {
    String body =
        activities.applyRequestScript(
            config("res.partner", PHONE_FORMATTING, false, 5),
            List.of(new MappedRecord(1, "{\"id\":1}")),
            false);

    assertThat(body).isEqualTo("\"+380 44 123 45 67\"");
  }

  @Test
  void totalRevenueOverAPageOfSaleOrders() throws IOException {
    String body =
        activities.applyRequestScript(config("sale.order", TOTAL_REVENUE, true, 5), orders(), true);

    assertThat(JSON.readTree(body)).isEqualTo(golden("seed-total-revenue.json"));
  }

  @Test
  void timestampWrapperAroundThePage() throws IOException {
    String body =
        activities.applyRequestScript(
            config("sale.order", TIMESTAMP_WRAPPER, true, 5), orders(), true);

    assertThat(JSON.readTree(body)).isEqualTo(golden("seed-timestamp-wrapper.json"));
  }

  @Test
  void aScriptWithoutResultLeavesTheMappedBody() {
    List<MappedRecord> records = orders();

    String body =
        activities.applyRequestScript(
            config("sale.order", "total = len(records)", true, 5), records, true);

    assertThat(body)
        .isEqualTo(
            "["
                + records.get(0).json()
                + ","
                + records.get(1).json()
                + ","
                + records.get(2).json()
                + "]");
  }

  @Test
  void aRaisingScriptFailsItsRequestWithMessageAndTracebackNotRetried() {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                activities.applyRequestScript(
                    config(
                        "sale.order",
                        "total = sum(records.mapped('amount_total'))\n"
                            + "if total > 100:\n"
                            + "    raise UserError('order total %s is over the limit' % total)\n",
                        true,
                        5),
                    orders(),
                    true));

    assertThat(failure.getType()).isEqualTo(FailureTypes.SCRIPT_ERROR);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .startsWith("requestScript: UserError: order total 160.25 is over the limit (line 3)")
        .contains("File \"requestScript\", line 3, in <module>")
        .contains("raise UserError('order total %s is over the limit' % total)");
  }

  @Test
  void aRunawayScriptFailsItsRequestAtTheConfigsLimit() {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                activities.applyRequestScript(
                    config("sale.order", "while True:\n    pass", true, 1), orders(), true));

    assertThat(failure.getType()).isEqualTo(FailureTypes.SCRIPT_ERROR);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo("requestScript: exceeded the time limit of 1 s and was stopped");
  }

  private static List<MappedRecord> orders() {
    return List.of(
        new MappedRecord(1, "{\"id\":1,\"name\":\"S1\",\"amount_total\":100.00}"),
        new MappedRecord(2, "{\"id\":2,\"name\":\"S2\",\"amount_total\":50.25}"),
        new MappedRecord(3, "{\"id\":3,\"name\":\"S3\",\"amount_total\":10.00}"));
  }

  private static JsonNode golden(String name) throws IOException {
    try (InputStream in = SeedExamplesTest.class.getResourceAsStream(name)) {
      return JSON.readTree(in);
    }
  }
}
