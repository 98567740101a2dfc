package dev.apisync.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyncRunOptionsTest {

  private static ConfigSnapshot config(String url) {
    return new ConfigSnapshot(
        7,
        "customers to CRM",
        "res.partner",
        "[]",
        url,
        HttpMethod.POST,
        5,
        15,
        true,
        100,
        0,
        new RetrySettings(5, 1000, 2.0, 60_000),
        List.of(),
        "en_US",
        true,
        "",
        0,
        1,
        1,
        0,
        0,
        false,
        false,
        "",
        OutageSettings.DEFAULTS);
  }

  @Test
  void summaryNamesModelMethodTargetAndTrigger() {
    SyncRunInput input = SyncRunInput.of(7, List.of(), Trigger.SCHEDULE, false);

    assertEquals(
        "customers to CRM: res.partner → POST crm.example.com/api/customers · schedule",
        SyncRunOptions.summary(config("https://crm.example.com/api/customers"), input));
  }

  @Test
  void summaryLeavesOutQueryStringAndUserinfoThatMayHoldSecrets() {
    SyncRunInput input = SyncRunInput.of(7, List.of(3L, 4L), Trigger.MANUAL, true);

    assertEquals(
        "customers to CRM: res.partner → POST crm.example.com:8443/p/{external_id} · manual"
            + " · dry run · 2 record(s)",
        SyncRunOptions.summary(
            config("https://bot:s3cret@crm.example.com:8443/p/{external_id}?api_key=k#x"), input));
  }
}
