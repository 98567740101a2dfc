package dev.apisync.workflows;

/** What started a sync run. */
public enum Trigger {
  MANUAL,
  SCHEDULE,
  EVENT,
  WEBHOOK
}
