package dev.apisync.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkflowIdsTest {

  @Test
  void aRunIdNamesTheConfigAndTheUtcTime() {
    assertEquals(
        "sync-customers-to-crm-20261128T161000.123Z",
        WorkflowIds.forRun(7, "Customers to CRM", Instant.parse("2026-11-28T16:10:00.123Z")));
  }

  @Test
  void aScheduleIdPrefixNamesTheConfigForTemporalToAppendTheTime() {
    assertEquals("sync-customers-to-crm-scheduled", WorkflowIds.forSchedule(7, "Customers to CRM"));
    assertEquals("sync-config-9-scheduled", WorkflowIds.forSchedule(9, "Клієнти"));
  }
}
