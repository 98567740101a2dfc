package dev.apisync.activities.requestlog;

import java.time.Instant;

/** A request-log row as read back: the attempt and where the log put it. */
public record LoggedRequest(long id, Instant createdAt, RequestLogEntry entry) {}
